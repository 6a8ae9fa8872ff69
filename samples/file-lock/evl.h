/* Shared declarations of the file-lock sample. */
#ifndef _FILE_LOCK_EVL_H
#define _FILE_LOCK_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/spinlock.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct list_head next;
};

/* A macro of the core that hides the fd table's lock. */
#define evl_lock_table(__files)		spin_lock(&(__files)->file_lock)
#define evl_unlock_table(__files)	spin_unlock(&(__files)->file_lock)

/* table.c */
void evl_sync_table(struct files_struct *files);
void evl_check_table(struct files_struct *files);
void evl_lock_it(spinlock_t *lock);
void evl_unlock_it(spinlock_t *lock);
int evl_index_fd(struct files_struct *files, unsigned int fd, struct file *filp);
void evl_unindex_fd(struct files_struct *files, unsigned int fd);

#endif /* !_FILE_LOCK_EVL_H */
