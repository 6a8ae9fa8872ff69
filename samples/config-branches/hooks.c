/*
 * README: hooks whose code depends on the kernel configuration. dovelint is
 * given no configuration here, so it analyses the files the hooks reach
 * twice: as written (every CONFIG_* option undefined) and with every
 * CONFIG_* option they test defined. A finding only one of the two shows
 * names the options at the end of its message: install sleeps in both
 * branches of its #ifdef, one per configuration; uninstall reaches a
 * mutex in evl.h only when tracing is built in. A finding both show is
 * reported once, as it is: replace allocates with GFP_KERNEL whatever the
 * configuration (its IS_ENABLED() test only changes the statistics).
 */
#include <linux/fs.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include "evl.h"

DEFINE_MUTEX(evl_trace_mutex);
static unsigned long evl_replaced;

static void evl_wait_quiescent(void)
{
#ifdef CONFIG_EVL_SLOW_QUIESCE
	msleep(1);	/* expect: DL101 "(only with CONFIG_EVL_SLOW_QUIESCE defined)" */
#else
	cond_resched();	/* expect: DL101 "(only with CONFIG_EVL_SLOW_QUIESCE undefined)" */
#endif
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (!file->oob_data)
		return;
	evl_wait_quiescent();
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;

#if IS_ENABLED(CONFIG_EVL_STATS)
	evl_replaced++;
#endif
	efd = kmalloc(sizeof(*efd), GFP_KERNEL);	/* expect: DL101 "GFP_KERNEL may sleep" */
	if (!efd)
		return;
	efd->fd = fd;
	efd->file = file;
	efd->files = files;
	kfree(efd);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd = evl_index_lookup(files, fd);

	if (!efd)
		return;
	evl_trace_fd(fd);
	evl_index_drop(efd);
}
