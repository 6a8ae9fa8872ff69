/* Shared declarations of the scoped-guards sample. */
#ifndef _SCOPED_GUARDS_EVL_H
#define _SCOPED_GUARDS_EVL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/cleanup.h>

#define EVL_MAX_FD	1024

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
};

/* index.c: the core's fd index, under a spinlock of its own. */
struct evl_fd *evl_index_lookup(struct files_struct *files, unsigned int fd);
void evl_index_add(unsigned int fd, struct file *filp, struct files_struct *files);
struct evl_fd *evl_index_unlink(struct files_struct *files, unsigned int fd);
void evl_index_compact(void);
void evl_sync_index(void);

/* Provided by the core, not part of this run (non-sleeping). */
void evl_count_event(int type);
void evl_note_file(struct file *filp);
void evl_index_remove(struct evl_fd *efd);

#endif /* !_SCOPED_GUARDS_EVL_H */
