/*
 * README: lock balance in the hooks (DL106). install returns early with the
 * index lock (taken through a helper) still held; replace leaves hard
 * interrupts off on an error path; uninstall jumps past the lock to a label
 * that unlocks it. The unmarked code is balanced: irqsave/irqrestore
 * through a macro pair, a single "goto out" exit, a trylock that only
 * unlocks when it succeeded, and an RCU section closed on both sides of a test.
 */
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/irqflags.h>
#include "evl.h"

static DEFINE_SPINLOCK(evl_stats_spinlock);
static DEFINE_SPINLOCK(evl_trace_lock);

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	if (!file->oob_data)
		return;

	if (spin_trylock(&evl_trace_lock)) {
		evl_count_event(0);
		spin_unlock(&evl_trace_lock);
	}

	flags = evl_lock_index();	/* expect: DL106 */
	efd = evl_lookup_fd(files, fd);
	if (efd)
		return;		/* already indexed: returns with the lock held */

	evl_index_add(fd, file, files);
	evl_unlock_index(flags);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags, irqs;

	evl_stats_lock(flags);
	evl_count_event(1);
	evl_stats_unlock(flags);

	hard_local_irq_save(irqs);	/* expect: DL106 */
	if (fd >= EVL_MAX_FD)
		return;		/* interrupts stay off */

	flags = evl_lock_index();
	efd = evl_lookup_fd(files, fd);
	if (!efd)
		goto out;

	if (file->oob_data)
		efd->filp = file;
	else
		evl_index_remove(efd);
out:
	evl_unlock_index(flags);
	hard_local_irq_restore(irqs);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd = NULL;
	unsigned long flags;

	rcu_read_lock();
	if (!file->oob_data) {
		rcu_read_unlock();
		goto out;
	}
	rcu_read_unlock();

	flags = evl_lock_index();
	efd = evl_lookup_fd(files, fd);
	if (efd)
		evl_index_remove(efd);
out:
	evl_unlock_index(flags);	/* expect: DL106 */
}
