/* Shared declarations of the sleep-direct sample. */
#ifndef _SLEEP_DIRECT_EVL_H
#define _SLEEP_DIRECT_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/fs.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	atomic_t refs;
	const char *name;
	struct list_head next;
};

struct evl_fd_stats {
	__u64 installed;
	__u64 replaced;
	__u64 removed;
};

struct evl_fd_event {
	unsigned int fd;
	int type;
};

/* Provided by the core, not part of this run: assumed not to sleep. */
void evl_schedule(void);

#endif /* !_SLEEP_DIRECT_EVL_H */
