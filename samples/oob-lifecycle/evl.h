/* Shared declarations of the oob-lifecycle sample. */
#ifndef _OOB_LIFECYCLE_EVL_H
#define _OOB_LIFECYCLE_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/fs.h>
#include <linux/mutex.h>

/* The core's per-fd entry, owned by the core. */
struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct list_head next;
};

/* A driver's per-file state, hung on file->oob_data by its .open handler. */
struct demo_state {
	struct mutex lock;
	int value;
};

/* core.c */
void evl_put_state(struct demo_state *state);

#endif /* !_OOB_LIFECYCLE_EVL_H */
