/*
 * README: scope-based cleanup (include/linux/cleanup.h, Linux 6.5 and later)
 * in the hooks. guard(c)(args), scoped_guard(c, args) { } and
 * CLASS(c, var)(args) take a lock or a reference that the end of the
 * enclosing scope drops: dovelint reads guard(mutex)(&m) as mutex_lock(&m)
 * where it is written and mutex_unlock(&m) on every way out of the scope
 * (the closing brace, return, goto, break). install reaches a mutex guard
 * through a helper (DL101, in index.c) and takes one with scoped_guard()
 * (DL101); replace guards files->file_lock itself (DL102, where the guard is
 * taken and where its scope drops it); uninstall looks the fd up again with
 * CLASS(fd, f)(fd), an fdget() of current->files (DL104). The unmarked code
 * is fine: spinlock guards of the core's own index left by return, goto and
 * break (no DL106), CLASS(fd) in an ioctl, where current->files is the
 * caller's, and a __free(kfree) of the core's own per-fd entry.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include "evl.h"

static DEFINE_MUTEX(evl_stats_mutex);
static DEFINE_RAW_SPINLOCK(evl_stats_lock);
static DEFINE_SPINLOCK(evl_replace_lock);
static unsigned long evl_installs;

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (!file->oob_data)
		return;

	scoped_guard(raw_spinlock_irqsave, &evl_stats_lock)
		evl_installs++;

	scoped_guard(mutex, &evl_stats_mutex) {	/* expect: DL101 "mutex" */
		evl_count_event(0);
	}

	if (evl_index_lookup(files, fd))
		return;
	evl_index_add(fd, file, files);
	evl_sync_index();
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;

	{
		guard(spinlock)(&files->file_lock);	/* expect: DL102 "guard(spinlock)" */
		evl_count_event(1);
	}	/* expect: DL102 "releases files->file_lock" */

	guard(spinlock)(&evl_replace_lock);
	efd = evl_index_lookup(files, fd);
	if (!efd)
		return;		/* the guard drops evl_replace_lock here */
	if (file->oob_data)
		efd->filp = file;
	else
		evl_index_remove(efd);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd __free(kfree) = evl_index_unlink(files, fd);
	CLASS(fd, f)(fd);	/* expect: DL104 "fdget()" */

	scoped_guard(spinlock, &evl_replace_lock) {
		if (!efd)
			goto out;	/* leaves the guarded scope: unlocked */
		evl_count_event(3);
	}
out:
	evl_count_event(4);
}

/* An ioctl runs in the task that owns the fd table: CLASS(fd) is fine here. */
long evl_ioctl_note(struct file *filp, unsigned int cmd, unsigned long arg)
{
	CLASS(fd, f)(arg);

	evl_note_file(fd_file(f));
	return 0;
}
