// SPDX-License-Identifier: GPL-2.0
/*
 * Companion-core style file tracking, written for dovelint's parser tests in
 * the style of kernel/evl/file.c (not a copy of it).
 */
#include <linux/slab.h>
#include <linux/rbtree.h>
#include <linux/fdtable.h>
#include <linux/hashtable.h>
#include <evl/file.h>

struct dl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct hlist_node hash;
	struct rb_node rb;
};

static DEFINE_HARD_SPINLOCK(fdt_lock);
static DEFINE_HASHTABLE(fd_table, 8);
static struct kmem_cache *fd_cache __read_mostly;

static inline u32 fd_hash(struct files_struct *files, unsigned int fd)
{
	return hash_ptr(files, 8) ^ fd;
}

static struct dl_fd *lookup_fd(struct files_struct *files, unsigned int fd)
	__must_hold(&fdt_lock)
{
	struct dl_fd *efd;

	hash_for_each_possible(fd_table, efd, hash, fd_hash(files, fd)) {
		if (efd->files == files && efd->fd == fd)
			return efd;
	}

	return NULL;
}

static void index_fd(unsigned int fd, struct file *filp, struct files_struct *files)
{
	struct dl_fd *efd;
	unsigned long flags;

	if (likely(!filp->oob_data))
		return;

	efd = evl_alloc(sizeof(*efd));
	if (WARN_ON_ONCE(!efd))
		return;

	efd->fd = fd;
	efd->filp = filp;
	efd->files = files;
	raw_spin_lock_irqsave(&fdt_lock, flags);
	hash_add(fd_table, &efd->hash, fd_hash(files, fd));
	raw_spin_unlock_irqrestore(&fdt_lock, flags);
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	index_fd(fd, file, files);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct dl_fd *efd;
	unsigned long flags;

	raw_spin_lock_irqsave(&fdt_lock, flags);
	efd = lookup_fd(files, fd);
	if (efd)
		hash_del(&efd->hash);
	raw_spin_unlock_irqrestore(&fdt_lock, flags);
	if (efd)
		evl_free(efd);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct dl_fd *efd;
	unsigned long flags;

	raw_spin_lock_irqsave(&fdt_lock, flags);
	efd = lookup_fd(files, fd);
	if (efd) {
		if (file->oob_data) {
			efd->filp = file;
			raw_spin_unlock_irqrestore(&fdt_lock, flags);
			return;
		}
		hash_del(&efd->hash);
	}
	raw_spin_unlock_irqrestore(&fdt_lock, flags);
	if (efd)
		evl_free(efd);
	else
		index_fd(fd, file, files);
}

static int __init dl_file_init(void)
{
	fd_cache = KMEM_CACHE(dl_fd, 0);
	if (fd_cache == NULL)
		return -ENOMEM;
	return 0;
}
core_initcall(dl_file_init);
EXPORT_SYMBOL_GPL(install_inband_fd);
