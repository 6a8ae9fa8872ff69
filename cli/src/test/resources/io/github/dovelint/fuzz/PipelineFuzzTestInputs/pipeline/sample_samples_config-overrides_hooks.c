/*
 * README: the knowledge base extended and overridden by the unit's own
 * .dovelint.yml: a bodiless core allocator declared sleeping, a function
 * with a sleeping body declared non-sleeping, a bodiless allocator with a
 * GFP argument, and a bodiless lookup that implicitly uses current->files.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include "evl.h"

struct evl_cache *evl_fd_cache;

static DEFINE_HARD_SPINLOCK(fd_lock);
static LIST_HEAD(fd_list);

static struct evl_fd *find_fd(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd;

	list_for_each_entry(efd, &fd_list, next) {
		if (efd->files == files && efd->fd == fd)
			return efd;
	}

	return NULL;
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	if (!file->oob_data)
		return;

	efd = evl_cache_alloc(evl_fd_cache, GFP_KERNEL); /* expect: DL101 (gfp-arg 1 of evl_cache_alloc is GFP_KERNEL) */
	if (!efd)
		return;

	efd->fd = fd;
	efd->filp = file;
	efd->files = files;
	efd->scratch = evl_alloc_chunk(64); /* expect: DL101 (declared sleeping in .dovelint.yml) */

	evl_wait_fast(&evl_fd_waiter);

	raw_spin_lock_irqsave(&fd_lock, flags);
	list_add(&efd->next, &fd_list);
	raw_spin_unlock_irqrestore(&fd_lock, flags);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd, *fresh;
	unsigned long flags;

	fresh = evl_cache_alloc(evl_fd_cache, GFP_ATOMIC);

	raw_spin_lock_irqsave(&fd_lock, flags);
	efd = find_fd(files, fd);
	if (efd && file->oob_data) {
		efd->filp = file;
	} else if (efd) {
		list_del(&efd->next);
	} else if (fresh && file->oob_data) {
		fresh->fd = fd;
		fresh->filp = file;
		fresh->files = files;
		fresh->scratch = NULL;
		list_add(&fresh->next, &fd_list);
		efd = fresh;
		fresh = NULL;
	}
	raw_spin_unlock_irqrestore(&fd_lock, flags);

	evl_wait_fast(&evl_fd_waiter);

	if (efd && !file->oob_data) {
		evl_free_chunk(efd->scratch);
		evl_cache_free(evl_fd_cache, efd);
	}
	if (fresh)
		evl_cache_free(evl_fd_cache, fresh);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd;
	struct file *filp;
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_lock, flags);
	efd = find_fd(files, fd);
	if (efd)
		list_del(&efd->next);
	raw_spin_unlock_irqrestore(&fd_lock, flags);

	if (!efd)
		return;

	filp = evl_get_current_file(fd); /* expect: DL104 (declared to use current-files in .dovelint.yml) */
	if (filp)
		evl_put_file(filp);

	evl_free_chunk(efd->scratch);
	evl_cache_free(evl_fd_cache, efd);
}
