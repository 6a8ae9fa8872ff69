/* Shared declarations of the oob-null-helpers sample. */
#ifndef _OOB_NULL_HELPERS_EVL_H
#define _OOB_NULL_HELPERS_EVL_H

#include <linux/types.h>
#include <linux/fs.h>

/* Per-file state of an oob driver, hung on file->oob_data. */
struct evl_file {
	int refs;
	unsigned long flags;
};

/* A predicate: whether the file is oob-capable. */
static inline bool evl_is_oob(struct file *filp)
{
	return filp->oob_data != NULL;
}

/* The same question, asked the other way round. */
static inline bool evl_is_inband_only(struct file *filp)
{
	return filp->oob_data == NULL;
}

/* An accessor: the file's oob state, or NULL. */
static inline struct evl_file *evl_file_of(struct file *filp)
{
	return filp->oob_data;
}

/* Provided by the core, not part of this run (non-sleeping). */
void evl_index_add(struct files_struct *files, unsigned int fd, struct file *filp);
void evl_index_remove(struct files_struct *files, unsigned int fd);
void evl_count_event(int type);

#endif /* !_OOB_NULL_HELPERS_EVL_H */
