/* Shared declarations of the fdtable-rcu sample. */
#ifndef _FDTABLE_RCU_EVL_H
#define _FDTABLE_RCU_EVL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/fdtable.h>

struct file *evl_peek_file(struct files_struct *files, unsigned int fd);
struct file *evl_get_file(struct files_struct *files, unsigned int fd);
struct file *evl_get_file_fast(struct files_struct *files, unsigned int fd);
struct file *evl_get_file_slot(struct files_struct *files, unsigned int fd);
bool evl_fd_is_oob(struct files_struct *files, unsigned int fd);
bool evl_fd_is_oob_locked(struct files_struct *files, unsigned int fd);
unsigned int evl_count_fds(struct files_struct *files);

/* Provided by the core, not part of this run (non-sleeping). */
void evl_track_fd(struct files_struct *files, unsigned int fd, struct file *filp);
void evl_untrack_fd(struct files_struct *files, unsigned int fd);
void evl_note_table_size(unsigned int max_fds);

#endif /* !_FDTABLE_RCU_EVL_H */
