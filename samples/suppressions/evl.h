/* Shared declarations of the suppressions sample. */
#ifndef _SUPPRESSIONS_EVL_H
#define _SUPPRESSIONS_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/fs.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct list_head next;
};

struct evl_close_record {
	__u32 fd;
	__u32 flags;
};

#endif /* !_SUPPRESSIONS_EVL_H */
