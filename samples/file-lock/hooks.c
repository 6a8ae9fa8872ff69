/*
 * README: DL102 and DL103 variants. The hooks must neither take nor drop
 * files->file_lock (do_dup2, close and exec call them with it held), nor call
 * a VFS helper that takes it, nor assert that it is held (fd_install's fast
 * path and the exit-time uninstall run without it). Directly, through a
 * macro, a local alias, a function pointer or a helper in another file.
 */
#include <linux/file.h>
#include <linux/lockdep.h>
#include "evl.h"

static DEFINE_SPINLOCK(evl_stats_lock);
static unsigned long evl_installs;

static void (*evl_table_sync)(struct files_struct *files) = evl_sync_table;

/* Says, with sparse's annotation, that its callers hold the lock: a hook cannot. */
static void evl_count_fd(struct files_struct *files)	/* expect: DL103 */
	__must_hold(&files->file_lock)
{
	evl_installs++;
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	spinlock_t *table_lock = &files->file_lock;

	/* The core's own spinlock: fine. */
	spin_lock(&evl_stats_lock);
	evl_installs++;
	spin_unlock(&evl_stats_lock);
	evl_count_fd(files);

	if (!file->oob_data)
		return;

	lockdep_assert_held(&files->file_lock);	/* expect: DL103 */

	spin_lock(table_lock);			/* expect: DL102 */
	evl_index_fd(files, fd, file);
	spin_unlock(table_lock);		/* expect: DL102 */
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	evl_unindex_fd(files, fd);
	evl_table_sync(files);
	evl_lock_it(&files->file_lock);
	if (file->oob_data)
		evl_index_fd(files, fd, file);
	evl_unlock_it(&files->file_lock);
	set_close_on_exec(fd, 1);		/* expect: DL102 */
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	evl_check_table(files);
	assert_spin_locked(&files->file_lock);	/* expect: DL103 */
	evl_unindex_fd(files, fd);
	iterate_fd(files, 0, NULL, NULL);	/* expect: DL102 */
}
