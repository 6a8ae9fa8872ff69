/*
 * README: a sliver of a whole kernel tree (DL301). In a tree of more than
 * 500 C files (or with --reach-only), dovelint indexes every file lexically
 * and parses only what its rules can look at: the functions that read an fd
 * table, their callers two levels up, and the helpers that take or drop its
 * locks. The rest (here drivers/) is listed as out of the rules' reach, and
 * the findings are those of a run over every file (a test checks it on every
 * sample).
 *
 * An fd table read leaves its protection to its callers, looked at two
 * levels up: peek() is protected by get_locked(), its caller's caller.
 * first_file() is exported, documents nothing, and its only caller (in
 * kernel/exit.c) holds nothing: the finding is at its reads.
 */
#include <linux/fdtable.h>
#include <linux/spinlock.h>

static struct file *peek(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	return fdt->fd[fd];
}

/* Must be called with files->file_lock held. */
struct file *peek_locked(struct files_struct *files, unsigned int fd)
{
	return peek(files, fd);
}

struct file *get_locked(struct files_struct *files, unsigned int fd)
{
	struct file *f;

	spin_lock(&files->file_lock);
	f = peek_locked(files, fd);
	spin_unlock(&files->file_lock);
	return f;
}

/* Called from kernel/exit.c, where nothing is held. */
struct file *first_file(struct files_struct *files)
{
	struct fdtable *fdt = files_fdtable(files);	/* expect: DL301 */

	return fdt->fd[0];	/* expect: DL301 */
}
