/*
 * README: reading another task's fd table from the core (DL301, DL302,
 * DL303). The fd table may be resized and freed at any time unless
 * rcu_read_lock() or files->file_lock is held; a file found under RCU may
 * already be on its way out, so its reference must be taken with
 * atomic_long_inc_not_zero() (or file_ref_get()/get_file_rcu() on newer
 * kernels); the *_lookup_fd_rcu() helpers require rcu_read_lock() itself,
 * not file_lock. Unmarked functions are the correct versions.
 */
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include "evl.h"

/* Nothing held: the table may be freed under our feet. */
struct file *evl_peek_file(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);	/* expect: DL301 */

	if (fd >= fdt->max_fds)
		return NULL;

	return fdt->fd[fd];	/* expect: DL301 */
}

/* Correct: RCU lookup, then increment unless zero. */
struct file *evl_get_file(struct files_struct *files, unsigned int fd)
{
	struct file *filp;

	rcu_read_lock();
	filp = files_lookup_fd_rcu(files, fd);
	if (filp && !atomic_long_inc_not_zero(&filp->f_count))
		filp = NULL;
	rcu_read_unlock();

	return filp;
}

/* A plain get_file() on a file found under RCU. */
struct file *evl_get_file_fast(struct files_struct *files, unsigned int fd)
{
	struct file *filp;

	rcu_read_lock();
	filp = files_lookup_fd_rcu(files, fd);
	if (filp)
		get_file(filp);	/* expect: DL302 */
	rcu_read_unlock();

	return filp;
}

/* Only ever called inside an RCU read-side section: protected by its callers. */
static struct file *fd_slot(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	if (fd >= fdt->max_fds)
		return NULL;

	return rcu_dereference(fdt->fd[fd]);
}

/* The slot comes from rcu_dereference(fdt->fd[fd]) in a helper. */
struct file *evl_get_file_slot(struct files_struct *files, unsigned int fd)
{
	struct file *filp;

	rcu_read_lock();
	filp = fd_slot(files, fd);
	if (filp)
		atomic_long_inc(&filp->f_count);	/* expect: DL302 */
	rcu_read_unlock();

	return filp;
}

/* file_lock is not what files_lookup_fd_rcu() checks for. */
bool evl_fd_is_oob_locked(struct files_struct *files, unsigned int fd)
{
	struct file *filp;
	bool ret;

	spin_lock(&files->file_lock);
	filp = files_lookup_fd_rcu(files, fd);	/* expect: DL303 */
	ret = filp && filp->oob_data;
	spin_unlock(&files->file_lock);

	return ret;
}

bool evl_fd_is_oob(struct files_struct *files, unsigned int fd)
{
	struct file *filp;
	bool ret;

	rcu_read_lock();
	filp = files_lookup_fd_rcu(files, fd);
	ret = filp && filp->oob_data;
	rcu_read_unlock();

	return ret;
}

/* Correct: the table is read with file_lock held. */
unsigned int evl_count_fds(struct files_struct *files)
{
	struct fdtable *fdt;
	unsigned int fd, n = 0;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	for (fd = 0; fd < fdt->max_fds; fd++)
		if (fdt->fd[fd])
			n++;
	spin_unlock(&files->file_lock);

	return n;
}

/*
 * Correct: the caller holds file_lock, which the helper states with lockdep
 * (checked at run time when lockdep is on): dovelint takes it as held.
 */
static struct file *evl_slot_locked(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt;

	lockdep_assert_held(&files->file_lock);
	fdt = files_fdtable(files);
	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

/* Wrong: the assertion comes after the read. */
struct file *evl_slot_late(struct files_struct *files, unsigned int fd)
{
	struct file *filp = files_fdtable(files)->fd[fd];	/* expect: DL301 */

	lockdep_assert_held(&files->file_lock);
	return filp;
}

struct file *evl_slot_unlocked(struct files_struct *files, unsigned int fd)
{
	return evl_slot_locked(files, fd);
}

/*
 * Correct: the same stated with sparse's annotation, which dovelint reads off
 * the definition: the lock counts as held from the entry on.
 */
static struct file *evl_slot_annotated(struct files_struct *files, unsigned int fd)
	__must_hold(&files->file_lock)
{
	struct fdtable *fdt = files_fdtable(files);

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

struct file *evl_slot_checked(struct files_struct *files, unsigned int fd)
{
	return evl_slot_annotated(files, fd);
}
