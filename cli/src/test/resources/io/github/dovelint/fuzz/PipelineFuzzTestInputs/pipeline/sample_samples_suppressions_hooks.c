/*
 * README: suppression comments. With a reason, on the finding's line or on
 * the line before, they silence the named rule (no report). Without a
 * reason they are reported (DL001) and silence nothing. One that silences
 * nothing is reported as unused (DL002), including one naming another rule
 * than the finding below it.
 */
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "evl.h"

static DEFINE_MUTEX(fd_debug_mutex);
static DEFINE_HARD_SPINLOCK(fd_lock);
static LIST_HEAD(fd_list);
static struct evl_close_record __user *close_log_uptr;
static unsigned long fd_debug_count;

static void add_fd(struct evl_fd *efd)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_lock, flags);
	list_add(&efd->next, &fd_list);
	raw_spin_unlock_irqrestore(&fd_lock, flags);
}

static struct evl_fd *take_fd(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd, *found = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&fd_lock, flags);
	list_for_each_entry(efd, &fd_list, next) {
		if (efd->files == files && efd->fd == fd) {
			found = efd;
			break;
		}
	}
	if (found)
		list_del(&found->next);
	raw_spin_unlock_irqrestore(&fd_lock, flags);

	return found;
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;

	if (!file->oob_data)
		return;

	/* dovelint-ignore DL101: debug-only counter, built with CONFIG_EVL_DEBUG_FD=n in production */
	mutex_lock(&fd_debug_mutex);
	fd_debug_count++;
	mutex_unlock(&fd_debug_mutex);

	efd = kmalloc(sizeof(*efd), GFP_KERNEL); /* dovelint-ignore DL101: tracked in EVL-1234, moving to the oob heap */
	if (!efd)
		return;

	efd->fd = fd;
	efd->filp = file;
	efd->files = files;
	add_fd(efd);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;

	efd = take_fd(files, fd);

	/* dovelint-ignore DL101 */ /* expect: DL001 */
	msleep(1); /* expect: DL101 (a suppression without a reason silences nothing) */

	// dovelint-ignore DL101: the grace period lets oob readers drop efd
	synchronize_rcu();

	/* dovelint-ignore DL101: */ /* expect: DL001 */
	cond_resched(); /* expect: DL101 */

	if (efd && file->oob_data) {
		efd->filp = file;
		add_fd(efd);
	} else {
		kfree(efd);
	}

	if (!efd && file->oob_data) {
		/* dovelint-ignore DL101: the atomic pool may run dry */ /* expect: DL002 */
		efd = kmalloc(sizeof(*efd), GFP_ATOMIC);
		if (!efd)
			return;
		efd->fd = fd;
		efd->filp = file;
		efd->files = files;
		add_fd(efd);
	}
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_close_record rec = { .fd = fd, .flags = 0 };
	struct evl_fd *efd;

	efd = take_fd(files, fd);
	if (!efd)
		return;

	kfree(efd);

	if (copy_to_user(close_log_uptr, &rec, sizeof(rec))) /* dovelint-ignore DL104: the log is only enabled for single-task tests */ /* expect: DL101 */
		close_log_uptr = NULL;

	/* dovelint-ignore DL104: wrong rule, this names DL104 */ /* expect: DL002 */
	might_sleep(); /* expect: DL101 */
}
