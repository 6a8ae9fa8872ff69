/* Shared declarations of the project-guards sample. */
#ifndef _PROJECT_GUARDS_EVL_H
#define _PROJECT_GUARDS_EVL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/cleanup.h>

struct evl_mutex {
	int owner;
};

struct evl_spinlock {
	int owner;
};

/* The core's own locks, not part of this run (see .dovelint.yml). */
void evl_lock_mutex(struct evl_mutex *mutex);
void evl_unlock_mutex(struct evl_mutex *mutex);
void evl_spin_lock(struct evl_spinlock *lock);
void evl_spin_unlock(struct evl_spinlock *lock);

/* Provided by the core, not part of this run (non-sleeping). */
void evl_count_event(int type);

#endif /* !_PROJECT_GUARDS_EVL_H */
