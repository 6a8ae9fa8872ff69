/* Shared declarations of the fdtable-preconditions sample. */
#ifndef _FDTABLE_PRECONDITIONS_EVL_H
#define _FDTABLE_PRECONDITIONS_EVL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/fdtable.h>

void evl_put_table(struct files_struct *files);
void evl_release_table(struct files_struct *files);
void evl_flush_table(struct files_struct *files);
unsigned int evl_count_oob_locked(struct files_struct *files);
unsigned int evl_count_oob(struct files_struct *files);
bool evl_fd_busy(struct files_struct *files, unsigned int fd);
struct file *evl_first_slot(struct files_struct *files);
struct file *evl_first_slot_locked(struct files_struct *files);
unsigned int evl_table_size_rcu(struct files_struct *files);
unsigned int evl_table_size_locked(struct files_struct *files);

/* Provided by the core, not part of this run (non-sleeping). */
void evl_untrack_fd(struct files_struct *files, unsigned int fd);
void evl_free_table(struct files_struct *files);

#endif /* !_FDTABLE_PRECONDITIONS_EVL_H */
