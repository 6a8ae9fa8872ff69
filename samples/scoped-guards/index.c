/*
 * README: the fd index of the scoped-guards sample. Its spinlock is taken
 * with guard() and scoped_guard(), which drop it on every way out of their
 * scope, so the early returns below leave it balanced. evl_sync_index()
 * compacts the index under a mutex guard: fine from an ioctl, a sleep when a
 * hook reaches it.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include "evl.h"

static DEFINE_SPINLOCK(evl_index_lock);
static DEFINE_MUTEX(evl_compact_lock);
static struct evl_fd *evl_index[EVL_MAX_FD];

struct evl_fd *evl_index_lookup(struct files_struct *files, unsigned int fd)
{
	guard(spinlock)(&evl_index_lock);

	if (fd >= EVL_MAX_FD)
		return NULL;	/* the guard drops the lock here */
	if (!evl_index[fd] || evl_index[fd]->files != files)
		return NULL;
	return evl_index[fd];
}

struct evl_fd *evl_index_unlink(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd = NULL;

	scoped_guard(spinlock_irqsave, &evl_index_lock) {
		if (fd >= EVL_MAX_FD)
			break;	/* leaves the guarded scope: unlocked */
		efd = evl_index[fd];
		if (efd && efd->files == files)
			evl_index[fd] = NULL;
	}
	return efd;
}

void evl_sync_index(void)
{
	guard(mutex)(&evl_compact_lock);	/* expect: DL101 "mutex_lock() may sleep" */
	evl_index_compact();
}
