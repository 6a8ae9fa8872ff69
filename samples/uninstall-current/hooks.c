/*
 * README: DL104 variants. uninstall_inband_fd may run in a task that does
 * not own the fd table (exit, a /proc reader dropping the last reference),
 * so everything it reaches must use its files argument, never current's fd
 * table or mm. The same uses in install and replace are allowed, and so are
 * the files argument and current->pid in uninstall.
 */
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/rcupdate.h>
#include "evl.h"

static DEFINE_HARD_SPINLOCK(fd_lock);
static LIST_HEAD(fd_list);
static struct evl_close_record __user *close_log_uptr;

/* Caller holds fd_lock. */
struct evl_fd *evl_find_fd(struct files_struct *files, unsigned int fd)
{
	struct evl_fd *efd;

	list_for_each_entry(efd, &fd_list, next) {
		if (efd->files == files && efd->fd == fd)
			return efd;
	}

	return NULL;
}

void evl_drop_fd(struct evl_fd *efd)
{
	list_del(&efd->next);
	kfree(efd);
}

/* Publishes the close event to a user-mapped log. */
static void log_close(unsigned int fd, pid_t pid)
{
	struct evl_close_record rec = { .fd = fd, .pid = pid };

	if (!access_ok(close_log_uptr, sizeof(rec))) /* expect: DL104 (access_ok checks current->mm) */
		return;

	if (copy_to_user(close_log_uptr, &rec, sizeof(rec))) /* expect: DL101, DL104 (may fault, uses current->mm) */
		return;

	put_user(fd, &close_log_uptr->fd); /* expect: DL101, DL104 */
}

/* Decides whether the closing task is the owner of the fd table. */
static bool closed_by_owner(struct files_struct *files)
{
	struct task_struct *t = current;

	if (!current->mm) /* expect: DL104 */
		return false;

	if (get_current()->mm->owner != t) /* expect: DL104 (get_current()->mm) */
		return false;

	if (current->files != files) /* expect: DL104 */
		return false;

	return t->files == files; /* expect: DL104 (t is current) */
}

/* Peeks at the mm of the task it is given: current's own when the caller passes current. */
static void peek_task_mm(struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task); /* expect: DL104 (uninstall passes current) */

	if (mm)
		mmput_async(mm);
}

/* The same, only ever given the task that opened the fd: never current's mm by itself. */
static void peek_opener_mm(struct task_struct *opener)
{
	struct mm_struct *mm = get_task_mm(opener);

	if (mm)
		mmput_async(mm);
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	/* At install time current owns the table: allowed here. */
	if (files != current->files)
		return;

	if (!evl_fd_is_oob(fd))
		return;

	efd = kmalloc(sizeof(*efd), GFP_ATOMIC);
	if (!efd)
		return;

	efd->fd = fd;
	efd->filp = file;
	efd->files = files;
	efd->closer = 0;

	raw_spin_lock_irqsave(&fd_lock, flags);
	list_add(&efd->next, &fd_list);
	raw_spin_unlock_irqrestore(&fd_lock, flags);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	/* dup2() runs in the owner of the table too: allowed here. */
	raw_spin_lock_irqsave(&fd_lock, flags);
	efd = evl_find_fd(current->files, fd);
	if (efd && !file->oob_data)
		evl_drop_fd(efd);
	else if (efd)
		efd->filp = file;
	raw_spin_unlock_irqrestore(&fd_lock, flags);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct mm_struct *mm;
	struct file *filp;
	struct evl_fd *efd;
	unsigned long flags;
	struct fd f;

	/* Right: the files argument, whoever the caller is. */
	raw_spin_lock_irqsave(&fd_lock, flags);
	efd = evl_find_fd(files, fd);
	if (efd)
		efd->closer = current->pid;
	raw_spin_unlock_irqrestore(&fd_lock, flags);

	if (!efd)
		return;

	rcu_read_lock();
	filp = files_lookup_fd_rcu(files, fd);
	rcu_read_unlock();

	/* Wrong: all of the following assume current owns the table. */
	if (evl_fd_still_open(fd))
		return;

	rcu_read_lock();
	filp = lookup_fd_rcu(fd); /* expect: DL104 */
	rcu_read_unlock();
	if (filp)
		return;

	f = fdget(fd); /* expect: DL104 */
	if (f.file) {
		fdput(f);
		return;
	}

	mm = get_task_mm(current); /* expect: DL104 */
	if (mm)
		mmput_async(mm);

	if (closed_by_owner(files))
		log_close(fd, efd->closer);

	peek_task_mm(current);
	peek_opener_mm(efd->opener);

	raw_spin_lock_irqsave(&fd_lock, flags);
	evl_drop_fd(efd);
	raw_spin_unlock_irqrestore(&fd_lock, flags);
}
