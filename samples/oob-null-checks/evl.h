/* Shared declarations of the oob-null-checks sample. */
#ifndef _OOB_NULL_CHECKS_EVL_H
#define _OOB_NULL_CHECKS_EVL_H

#include <linux/types.h>
#include <linux/fs.h>

#define EVL_FILE_NOTRACK	0x1
#define EVL_RESERVED_FDS	3

/* Per-file state of an oob driver, hung on file->oob_data. */
struct evl_file {
	int refs;
	unsigned long flags;
};

/* Reads the driver's flags straight through the oob pointer. */
#define evl_file_flags(__filp)	(((struct evl_file *)(__filp)->oob_data)->flags)

/* accounting.c */
void evl_file_account(struct evl_file *efile);
void evl_file_account_checked(struct evl_file *efile);

/* Provided by the core, not part of this run (non-sleeping). */
void evl_index_add(struct files_struct *files, unsigned int fd, struct file *filp);
void evl_index_update(struct files_struct *files, unsigned int fd, struct file *filp);
void evl_index_remove(struct files_struct *files, unsigned int fd);

#endif /* !_OOB_NULL_CHECKS_EVL_H */
