/*
 * README: helpers that leave the fd table's protection to their callers.
 * A helper that reads the table without rcu_read_lock() or ->file_lock has a
 * precondition: its caller holds one of them. dovelint checks it at every
 * call site; a caller that holds nothing passes it on to its own callers, up
 * to two levels above the read (beyond, the callers are not looked at and get
 * the benefit of the doubt). The finding is where the requirement cannot be
 * passed on: at the call made by a function nothing calls, or in a function
 * that is not static and does not document the precondition in a comment.
 */
#include "evl.h"

/*
 * The file at fd in files' table, or NULL.
 * Context: the caller holds files->file_lock.
 */
static struct file *evl_slot(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

static bool evl_slot_is_oob(struct files_struct *files, unsigned int fd)
{
	struct file *filp = evl_slot(files, fd);

	return filp && filp->oob_data;
}

/* Must be called with files->file_lock held. */
unsigned int evl_count_oob_locked(struct files_struct *files)
{
	unsigned int fd, n = 0;

	for (fd = 0; fd < 64; fd++)
		n += evl_slot_is_oob(files, fd);

	return n;
}

/* Correct: the lock the helpers need is taken three calls above the read. */
unsigned int evl_count_oob(struct files_struct *files)
{
	unsigned int n;

	spin_lock(&files->file_lock);
	n = evl_count_oob_locked(files);
	spin_unlock(&files->file_lock);

	return n;
}

/* Wrong: nothing held, and nobody above to hold it. */
bool evl_fd_busy(struct files_struct *files, unsigned int fd)
{
	return evl_slot(files, fd) != NULL;	/* expect: DL301 "evl_fd_busy(): calls evl_slot()" */
}

/* Wrong: exported, no caller here, and no word on what its callers must hold. */
struct file *evl_first_slot(struct files_struct *files)
{
	struct fdtable *fdt = files_fdtable(files);	/* expect: DL301 */

	return fdt->fd[0];	/* expect: DL301 */
}

/*
 * Correct: the precondition is documented, for callers outside this run.
 * Must be called with files->file_lock held, or inside rcu_read_lock().
 */
struct file *evl_first_slot_locked(struct files_struct *files)
{
	return files_fdtable(files)->fd[0];
}

/* Called under RCU by one caller and with the lock by the other: both meet it. */
static unsigned int evl_table_size(struct files_struct *files)
{
	return files_fdtable(files)->max_fds;
}

unsigned int evl_table_size_rcu(struct files_struct *files)
{
	unsigned int n;

	rcu_read_lock();
	n = evl_table_size(files);
	rcu_read_unlock();

	return n;
}

unsigned int evl_table_size_locked(struct files_struct *files)
{
	unsigned int n;

	spin_lock(&files->file_lock);
	n = evl_table_size(files);
	spin_unlock(&files->file_lock);

	return n;
}
