/* Shared declarations of the evl-good sample. */
#ifndef _EVL_GOOD_EVL_H
#define _EVL_GOOD_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/hashtable.h>
#include <linux/fs.h>

#define EVL_FD_HASH_BITS	6

/* One tracked fd: an oob-capable file indexed on (files, fd). */
struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct hlist_node hash;
};

/* Per-file state of the demo oob driver, hung on file->oob_data. */
struct evl_demo_state {
	struct mutex lock;
	int value;
	unsigned long oob_ops;
};

struct file *evl_lookup_oob_file(struct files_struct *files, unsigned int fd);

#endif /* !_EVL_GOOD_EVL_H */
