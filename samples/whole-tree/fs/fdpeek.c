/*
 * A helper that reads the fd table unprotected, reached only through a
 * function pointer initialised here: its caller in kernel/fdlookup.c holds
 * file_lock around the call. Both the call graph and the slice follow the
 * pointer to find that caller, so no finding.
 */
#include <linux/fdtable.h>

static struct file *evl_peek(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

struct file *(*evl_peek_hook)(struct files_struct *files, unsigned int fd) = evl_peek;
