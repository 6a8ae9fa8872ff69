/* Shared declarations of the replace-stale sample. */
#ifndef _REPLACE_STALE_EVL_H
#define _REPLACE_STALE_EVL_H

#include <linux/types.h>
#include <linux/fs.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct evl_fd *next;
};

/* index.c, callers hold the index lock. */
struct evl_fd *evl_index_lookup(struct files_struct *files, unsigned int fd);
void evl_index_insert(struct evl_fd *efd);
void evl_index_unlink(struct evl_fd *efd);

/* Provided by the core, not part of this run (non-sleeping). */
struct evl_fd *evl_alloc_fd(unsigned int fd, struct file *filp, struct files_struct *files);

#endif /* !_REPLACE_STALE_EVL_H */
