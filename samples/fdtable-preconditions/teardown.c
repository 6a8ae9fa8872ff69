/*
 * README: the owner of the last reference to a files_struct may walk its fd
 * table with nothing held: nobody else can reach it any more, so it can be
 * neither resized nor freed under the walk. dovelint learns the ownership on
 * the true side of atomic_dec_and_test() (or refcount_dec_and_test()) on the
 * struct's count, and passes it to the helper the struct is handed to.
 * Handing it over without that test is a finding at the call.
 */
#include "evl.h"

/* Walks a table nobody else holds any more. */
static void evl_drain_table(struct files_struct *files)
{
	struct fdtable *fdt = rcu_dereference_raw(files->fdt);
	unsigned int fd;

	for (fd = 0; fd < fdt->max_fds; fd++)
		if (fdt->fd[fd])
			evl_untrack_fd(files, fd);
}

/* Correct: only the last put drains the table. */
void evl_put_table(struct files_struct *files)
{
	if (atomic_dec_and_test(&files->count)) {
		evl_drain_table(files);
		evl_free_table(files);
	}
}

/* Correct too, written the other way round. */
void evl_release_table(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;

	evl_drain_table(files);
	evl_free_table(files);
}

/* Wrong: other holders may still resize the table while it is drained. */
void evl_flush_table(struct files_struct *files)
{
	atomic_dec(&files->count);
	evl_drain_table(files);	/* expect: DL301 "evl_flush_table(): calls evl_drain_table()" */
}
