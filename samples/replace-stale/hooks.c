/*
 * README: replace_inband_fd() as older EVL versions wrote it (DL206): when
 * dup2() puts a file that is not oob-capable on an fd that held an
 * oob-capable one, replace returns early and the entry of the old file stays
 * in the index; do_dup2() never calls uninstall for it, so the entry points
 * to a file that may already be freed. install and uninstall are correct:
 * install may return early (nothing to index), uninstall removes the entry.
 */
#include <linux/spinlock.h>
#include "evl.h"

static DEFINE_HARD_SPINLOCK(fd_index_lock);

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	if (!file->oob_data)
		return;

	efd = evl_alloc_fd(fd, file, files);
	if (!efd)
		return;

	raw_spin_lock_irqsave(&fd_index_lock, flags);
	evl_index_insert(efd);
	raw_spin_unlock_irqrestore(&fd_index_lock, flags);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	if (!file->oob_data)	/* expect: DL206 */
		return;

	raw_spin_lock_irqsave(&fd_index_lock, flags);
	efd = evl_index_lookup(files, fd);
	if (efd)
		efd->filp = file;
	raw_spin_unlock_irqrestore(&fd_index_lock, flags);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_index_lock, flags);
	efd = evl_index_lookup(files, fd);
	if (efd)
		evl_index_unlink(efd);
	raw_spin_unlock_irqrestore(&fd_index_lock, flags);
}
