/*
 * README: a correct companion core fd index. Entries are keyed by
 * (files, fd), protected by a hard spinlock and allocated with GFP_ATOMIC;
 * install only tracks oob-capable files, replace updates, creates or removes
 * the entry, uninstall is a no-op for fds it never saw and relies on its
 * files argument only. This sample has no findings.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/hash.h>
#include <linux/fs.h>
#include "evl.h"

static struct hlist_head fd_index[1 << EVL_FD_HASH_BITS];

static DEFINE_HARD_SPINLOCK(fd_index_lock);

static inline unsigned long fd_key(struct files_struct *files, unsigned int fd)
{
	return (unsigned long)files ^ fd;
}

/* Caller holds fd_index_lock. */
static struct evl_fd *lookup_efd(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd;

	hash_for_each_possible(fd_index, efd, hash, fd_key(files, fd)) {
		if (efd->files == files && efd->fd == fd)
			return efd;
	}

	return NULL;
}

/* Caller holds fd_index_lock. */
static void index_efd(struct evl_fd *efd)
{
	hash_add(fd_index, &efd->hash, fd_key(efd->files, efd->fd));
}

static struct evl_fd *alloc_efd(unsigned int fd, struct file *filp,
				struct files_struct *files)
{
	struct evl_fd *efd;

	/* Hooks may run in atomic context: never allow direct reclaim. */
	efd = kmalloc(sizeof(*efd), GFP_ATOMIC);
	if (!efd)
		return NULL;

	efd->fd = fd;
	efd->filp = filp;
	efd->files = files;
	INIT_HLIST_NODE(&efd->hash);

	return efd;
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	if (!file->oob_data)
		return;

	efd = alloc_efd(fd, file, files);
	if (!efd)
		return;

	raw_spin_lock_irqsave(&fd_index_lock, flags);
	index_efd(efd);
	raw_spin_unlock_irqrestore(&fd_index_lock, flags);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd, *stale = NULL, *fresh = NULL;
	unsigned long flags;

	/* Allocate outside of the lock, in case the fd is not indexed yet. */
	if (file->oob_data) {
		fresh = alloc_efd(fd, file, files);
		if (!fresh)
			return;
	}

	raw_spin_lock_irqsave(&fd_index_lock, flags);

	efd = lookup_efd(files, fd);
	if (efd) {
		if (file->oob_data) {
			/* Update the existing entry; the fresh one is unused. */
			efd->filp = file;
			stale = fresh;
		} else {
			/* Not oob-capable any more: drop the stale entry. */
			hash_del(&efd->hash);
			stale = efd;
		}
	} else if (fresh) {
		/* The fd was closed or not oob-capable before: create. */
		index_efd(fresh);
	}

	raw_spin_unlock_irqrestore(&fd_index_lock, flags);

	kfree(stale);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_index_lock, flags);

	/* Unknown (files, fd), e.g. inherited by a fork child: nothing to do. */
	efd = lookup_efd(files, fd);
	if (efd)
		hash_del(&efd->hash);

	raw_spin_unlock_irqrestore(&fd_index_lock, flags);

	/* Only the index entry is ours; file->oob_data belongs to the driver. */
	kfree(efd);
}

/* Used by the oob side: resolve an fd of a given fd table. */
struct file *evl_lookup_oob_file(struct files_struct *files, unsigned int fd)
{
	struct file *filp = NULL;
	struct evl_fd *efd;
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_index_lock, flags);
	efd = lookup_efd(files, fd);
	if (efd)
		filp = efd->filp;
	raw_spin_unlock_irqrestore(&fd_index_lock, flags);

	return filp;
}
EXPORT_SYMBOL(evl_lookup_oob_file);
