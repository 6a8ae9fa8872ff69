/* Shared declarations of the lock-balance sample. */
#ifndef _LOCK_BALANCE_EVL_H
#define _LOCK_BALANCE_EVL_H

#include <linux/types.h>
#include <linux/fs.h>

#define EVL_MAX_FD	1024

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct evl_fd *next;
};

/* index.c: the fd index and its hard lock, taken and dropped by helpers. */
unsigned long evl_lock_index(void);
void evl_unlock_index(unsigned long flags);
struct evl_fd *evl_lookup_fd(struct files_struct *files, unsigned int fd);

/* Provided by the core, not part of this run (non-sleeping). */
void evl_index_add(unsigned int fd, struct file *filp, struct files_struct *files);
void evl_index_remove(struct evl_fd *efd);
void evl_count_event(int type);

/* A macro pair around the statistics lock. */
#define evl_stats_lock(f)	spin_lock_irqsave(&evl_stats_spinlock, f)
#define evl_stats_unlock(f)	spin_unlock_irqrestore(&evl_stats_spinlock, f)

#endif /* !_LOCK_BALANCE_EVL_H */
