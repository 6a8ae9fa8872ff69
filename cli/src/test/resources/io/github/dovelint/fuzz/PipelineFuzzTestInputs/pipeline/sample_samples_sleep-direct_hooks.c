/*
 * README: every hook sleeps directly, through the common sleeping kernel
 * APIs. The unmarked lines of the same hooks are non-sleeping look-alikes:
 * GFP_ATOMIC, GFP_NOWAIT, GFP_KERNEL without __GFP_DIRECT_RECLAIM,
 * spinlocks, kfree, wake_up, complete, and a core call with no body here.
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/uaccess.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/string.h>
#include "evl.h"

static DEFINE_MUTEX(fd_mutex);
static DEFINE_SPINLOCK(fd_lock);
static DECLARE_WAIT_QUEUE_HEAD(fd_wait);
static LIST_HEAD(fd_list);
static struct semaphore fd_sem;
static struct completion fd_drained;
static struct work_struct fd_gc_work;
static struct kmem_cache *fd_cache;
static struct evl_fd_stats fd_stats;
static struct evl_fd_stats __user *fd_stats_uptr;
static void *fd_snapshot;
static struct evl_fd_event **fd_events;

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd, *shadow;
	char *label;

	if (!file->oob_data)
		return;

	mutex_lock(&fd_mutex); /* expect: DL101 */

	efd = kmalloc(sizeof(*efd), GFP_KERNEL); /* expect: DL101 */
	if (!efd)
		goto out;

	shadow = kmalloc(sizeof(*shadow), GFP_ATOMIC);
	kfree(shadow);

	label = kstrdup(file->f_path.dentry->d_name.name, GFP_USER); /* expect: DL101 (GFP_USER) */

	efd->fd = fd;
	efd->filp = file;
	efd->files = files;
	efd->name = label;
	atomic_set(&efd->refs, 0);
	list_add(&efd->next, &fd_list);

	fd_stats.installed++;
	if (copy_to_user(fd_stats_uptr, &fd_stats, sizeof(fd_stats))) /* expect: DL101 (may fault) */
		fd_stats_uptr = NULL;
out:
	mutex_unlock(&fd_mutex);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	gfp_t gfp = GFP_KERNEL;
	struct evl_fd *efd, *spare, *found = NULL;
	struct evl_fd_event *ev;

	spin_lock(&fd_lock);
	list_for_each_entry(efd, &fd_list, next) {
		if (efd->files == files && efd->fd == fd) {
			found = efd;
			break;
		}
	}
	if (found)
		found->filp = file;
	spin_unlock(&fd_lock);

	msleep(1); /* expect: DL101 (after spin_unlock: the caller's context is still atomic) */

	spare = kmalloc(sizeof(*spare), GFP_NOWAIT);
	kfree(spare);

	fd_events = kmalloc_array(16, sizeof(*fd_events), gfp); /* expect: DL101 (GFP_KERNEL held in a local variable) */
	ev = kzalloc(sizeof(*ev), GFP_KERNEL | __GFP_ZERO); /* expect: DL101 */
	fd_snapshot = vmalloc(4 * PAGE_SIZE); /* expect: DL101 */
	if (!found)
		found = kmem_cache_alloc(fd_cache, GFP_KERNEL_ACCOUNT); /* expect: DL101 */

	synchronize_rcu(); /* expect: DL101 */

	wake_up(&fd_wait);
	evl_schedule();

	cond_resched(); /* expect: DL101 */

	fd_stats.replaced++;
	kfree(ev);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd, *found = NULL;
	struct evl_fd_event *ev;

	might_sleep(); /* expect: DL101 */

	ev = kmalloc(sizeof(*ev), GFP_KERNEL & ~__GFP_DIRECT_RECLAIM);

	spin_lock(&fd_lock);
	list_for_each_entry(efd, &fd_list, next) {
		if (efd->files == files && efd->fd == fd) {
			found = efd;
			break;
		}
	}
	if (found)
		list_del(&found->next);
	spin_unlock(&fd_lock);

	if (found) {
		wait_event(fd_wait, atomic_read(&found->refs) == 0); /* expect: DL101 */
		kfree(found->name);
		kfree(found);
	}

	down(&fd_sem); /* expect: DL101 */
	fd_stats.removed++;
	up(&fd_sem);

	schedule_timeout_uninterruptible(1); /* expect: DL101 */
	flush_work(&fd_gc_work); /* expect: DL101 */
	wait_for_completion(&fd_drained); /* expect: DL101 */
	usleep_range(10, 20); /* expect: DL101 */

	complete(&fd_drained);
	kfree(ev);
}
