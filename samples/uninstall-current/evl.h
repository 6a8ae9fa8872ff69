/* Shared declarations of the uninstall-current sample. */
#ifndef _UNINSTALL_CURRENT_EVL_H
#define _UNINSTALL_CURRENT_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/fs.h>
#include <linux/sched.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	pid_t closer;
	struct task_struct *opener;
	struct list_head next;
};

struct evl_close_record {
	__u32 fd;
	__s32 pid;
};

/* fdpeek.c */
bool evl_fd_still_open(unsigned int fd);
bool evl_fd_is_oob(unsigned int fd);

/* hooks.c */
struct evl_fd *evl_find_fd(struct files_struct *files, unsigned int fd);
void evl_drop_fd(struct evl_fd *efd);

#endif /* !_UNINSTALL_CURRENT_EVL_H */
