/* Shared declarations of the oob-handlers sample. */
#ifndef _OOB_HANDLERS_EVL_H
#define _OOB_HANDLERS_EVL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct chan_state {
	struct mutex inband_lock;
	hard_spinlock_t oob_lock;
	char buf[64];
	size_t len;
};

/* The core's oob services: no body here, unknown to the knowledge base. */
ssize_t evl_copy_to_user(void __user *dst, const void *src, size_t len);
ssize_t evl_copy_from_user(void *dst, const void __user *src, size_t len);
int evl_wait_event(struct chan_state *state);

/* helpers.c */
void chan_log_inband(struct chan_state *state);
int chan_peek_fd(unsigned int fd);

#endif /* !_OOB_HANDLERS_EVL_H */
