/*
 * README: helpers of the file-lock sample, in another file than the hooks.
 * Locking or asserting files->file_lock here is reported where it happens,
 * with the chain from the hook. The core's own index lock is fine.
 */
#include <linux/slab.h>
#include "evl.h"

static DEFINE_HARD_SPINLOCK(index_lock);
static LIST_HEAD(index_list);

/* Takes the fd table's lock through a macro. */
void evl_sync_table(struct files_struct *files)
{
	evl_lock_table(files);		/* expect: DL102 */
	evl_unlock_table(files);	/* expect: DL102 */
}

/* Asserts through a query inside WARN_ON(). */
void evl_check_table(struct files_struct *files)
{
	WARN_ON(!spin_is_locked(&files->file_lock));	/* expect: DL103 */
}

/* Locks whatever it is given: a finding only when a hook passes file_lock. */
void evl_lock_it(spinlock_t *lock)
{
	spin_lock(lock);		/* expect: DL102 */
}

void evl_unlock_it(spinlock_t *lock)
{
	spin_unlock(lock);		/* expect: DL102 */
}

int evl_index_fd(struct files_struct *files, unsigned int fd, struct file *filp)
{
	struct evl_fd *efd;
	unsigned long flags;

	efd = kmalloc(sizeof(*efd), GFP_ATOMIC);
	if (!efd)
		return -ENOMEM;

	efd->fd = fd;
	efd->filp = filp;
	efd->files = files;
	raw_spin_lock_irqsave(&index_lock, flags);
	list_add(&efd->next, &index_list);
	raw_spin_unlock_irqrestore(&index_lock, flags);

	return 0;
}

void evl_unindex_fd(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd, *tmp, *found = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&index_lock, flags);
	list_for_each_entry_safe(efd, tmp, &index_list, next) {
		if (efd->files == files && efd->fd == fd) {
			list_del(&efd->next);
			found = efd;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&index_lock, flags);

	kfree(found);
}

/*
 * In-band code of the core, not reached from a hook: it may take the fd
 * table's lock (a trap: no finding).
 */
int evl_count_fds(struct files_struct *files)
{
	struct fdtable *fdt;
	int n;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	n = fdt->max_fds;
	spin_unlock(&files->file_lock);

	return n;
}
