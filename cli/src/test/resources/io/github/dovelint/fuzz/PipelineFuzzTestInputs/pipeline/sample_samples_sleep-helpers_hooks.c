/*
 * README: the hooks of the sleep-helpers sample never sleep themselves;
 * every finding is reached through a helper: another .c file, a static
 * inline in evl.h, a macro from evl.h, a macro of this file, function
 * pointers of a static ops structure, a GFP mask passed as a parameter,
 * mutual recursion and a four-level call chain.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/list.h>
#include "evl.h"

/* A function-like macro of this file: the call is where it is used. */
#define evl_settle_oob()	usleep_range(50, 100)

struct evl_trace_ops {
	void (*emit)(unsigned int fd, int event);
};

static struct completion trace_done;

static void trace_emit_sync(unsigned int fd, int event)
{
	/* Waits for the trace reader to consume the event. */
	wait_for_completion(&trace_done); /* expect: DL101 (reached through trace_ops.emit) */
}

static const struct evl_trace_ops trace_ops = {
	.emit = trace_emit_sync,
};

/* The mask is the caller's: install passes GFP_KERNEL, replace GFP_ATOMIC. */
static struct evl_fd *new_efd(unsigned int fd, struct file *filp,
			      struct files_struct *files, gfp_t gfp)
{
	struct evl_fd *efd;

	efd = kmalloc(sizeof(*efd), gfp); /* expect: DL101 (GFP_KERNEL passed by install_inband_fd) */
	if (!efd)
		return NULL;

	efd->fd = fd;
	efd->filp = filp;
	efd->files = files;
	efd->alias = NULL;
	INIT_LIST_HEAD(&efd->aliases);

	return efd;
}

/* Mutual recursion over the alias graph; one of the two sleeps. */
static void unlink_dependents(struct evl_fd *efd);

static void unlink_alias(struct evl_fd *efd)
{
	if (efd->alias)
		unlink_dependents(efd->alias);
	efd->alias = NULL;
}

static void unlink_dependents(struct evl_fd *efd)
{
	struct evl_fd *dep;

	list_for_each_entry(dep, &efd->aliases, next)
		unlink_alias(dep);

	cond_resched(); /* expect: DL101 (inside a recursion) */
}

/* Self recursion that does not sleep: must only terminate. */
static void free_alias_chain(struct evl_fd *efd)
{
	if (!efd)
		return;

	free_alias_chain(efd->alias);
	kfree(efd);
}

/* A four-level chain: retire_fd -> retire_stats -> flush_stats -> stats_barrier. */
static void stats_barrier(void)
{
	msleep(10); /* expect: DL101 (four calls below uninstall_inband_fd) */
}

static void flush_stats(unsigned int fd)
{
	if (fd < 3)
		return;
	stats_barrier();
}

static void retire_stats(unsigned int fd)
{
	flush_stats(fd);
}

static void retire_fd(unsigned int fd, struct evl_fd *efd)
{
	retire_stats(fd);
	free_alias_chain(efd);
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;
	void *label;

	if (!file->oob_data)
		return;

	efd = new_efd(fd, file, files, GFP_KERNEL);
	if (!efd)
		return;

	label = evl_zalloc(32);
	kfree(label);

	if (evl_index_add(&evl_fd_index, efd))
		kfree(efd);

	evl_index_sync(&evl_fd_index);
	trace_ops.emit(fd, 0);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_fd *efd;

	if (!file->oob_data)
		return;

	efd = new_efd(fd, file, files, GFP_ATOMIC);
	if (!efd)
		return;

	evl_index_lock(&evl_fd_index); /* expect: DL101 (macro from evl.h expanding to mutex_lock) */
	unlink_alias(efd);
	evl_index_unlock(&evl_fd_index);

	evl_index_sync(&evl_fd_index);
	kfree(efd);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_fd *efd;

	efd = evl_pool_get(&evl_fd_pool);
	if (efd)
		evl_pool_put(&evl_fd_pool, efd);

	evl_settle_oob(); /* expect: DL101 (macro of this file expanding to usleep_range) */
	evl_index_sync(&evl_fd_index);
	retire_fd(fd, NULL);
}
