/* Shared declarations of the config-branches sample. */
#ifndef _CONFIG_BRANCHES_EVL_H
#define _CONFIG_BRANCHES_EVL_H

#include <linux/fs.h>
#include <linux/mutex.h>

struct evl_fd {
	unsigned int fd;
	struct file *file;
	struct files_struct *files;
};

extern struct mutex evl_trace_mutex;

/*
 * With tracing built in, each hook event is logged under a mutex; without
 * it, logging compiles to nothing.
 */
#if IS_ENABLED(CONFIG_EVL_TRACE_FD)
static inline void evl_trace_fd(unsigned int fd)
{
	mutex_lock(&evl_trace_mutex);	/* expect: DL101 "(only with CONFIG_EVL_TRACE_FD defined)" */
	mutex_unlock(&evl_trace_mutex);
}
#else
#define evl_trace_fd(fd) do { } while (0)
#endif

struct evl_fd *evl_index_lookup(struct files_struct *files, unsigned int fd);
void evl_index_drop(struct evl_fd *efd);

#endif /* !_CONFIG_BRANCHES_EVL_H */
