/*
 * README: conditional guards (scoped_cond_guard(), include/linux/cleanup.h)
 * in the hooks. scoped_cond_guard(class, fail, args) { body } runs the body
 * with the lock held when the class's acquire succeeds, and the fail
 * statement otherwise. A _try class acquires with a trylock, which never
 * sleeps: install's scoped_cond_guard(mutex_try, ...) is fine, and its lock
 * is dropped at the end of the body (no unbalanced unlock). An _intr class
 * sleeps until it gets the lock or a signal comes (DL101 in replace). A _try
 * class of files->file_lock still takes the fd table's lock (DL102 in
 * uninstall, where it is taken and where the scope drops it).
 */
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

static DEFINE_MUTEX(evl_stats_mutex);
static DEFINE_SPINLOCK(evl_index_lock);
static unsigned long evl_installs, evl_replaces, evl_drops;

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	scoped_cond_guard(mutex_try, return, &evl_stats_mutex) {
		evl_installs++;
	}
	scoped_cond_guard(spinlock_irqsave_try, return, &evl_index_lock)
		evl_installs++;
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	scoped_cond_guard(mutex_intr, return, &evl_stats_mutex) {	/* expect: DL101 "mutex_lock_interruptible" */
		evl_replaces++;
	}
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	scoped_cond_guard(spinlock_try, return, &files->file_lock) {	/* expect: DL102 "scoped_cond_guard(spinlock_try)" */
		evl_drops++;
	}	/* expect: DL102 "releases files->file_lock" */
}
