/*
 * README: the fd index of the replace-stale sample, a singly linked list.
 * evl_index_unlink() removes an entry: a hook calling it removes the entry.
 */
#include <linux/slab.h>
#include "evl.h"

static struct evl_fd *fd_index;

struct evl_fd *evl_index_lookup(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd;

	for (efd = fd_index; efd; efd = efd->next)
		if (efd->files == files && efd->fd == fd)
			return efd;

	return NULL;
}

void evl_index_insert(struct evl_fd *efd)
{
	efd->next = fd_index;
	fd_index = efd;
}

void evl_index_unlink(struct evl_fd *efd)
{
	struct evl_fd **pp;

	for (pp = &fd_index; *pp; pp = &(*pp)->next) {
		if (*pp == efd) {
			*pp = efd->next;
			break;
		}
	}

	kfree(efd);
}
