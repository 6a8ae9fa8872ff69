/*
 * README: the fd index of the lock-balance sample. evl_lock_index() returns
 * with fd_index_lock held on every path and evl_unlock_index() drops it, so
 * a call to either counts as taking or releasing that lock in the hooks.
 */
#include <linux/spinlock.h>
#include "evl.h"

static DEFINE_HARD_SPINLOCK(fd_index_lock);
static struct evl_fd *fd_index;

unsigned long evl_lock_index(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_index_lock, flags);

	return flags;
}

void evl_unlock_index(unsigned long flags)
{
	raw_spin_unlock_irqrestore(&fd_index_lock, flags);
}

/* Caller holds fd_index_lock. */
struct evl_fd *evl_lookup_fd(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd;

	for (efd = fd_index; efd; efd = efd->next) {
		if (efd->files == files && efd->fd == fd)
			return efd;
	}

	return NULL;
}
