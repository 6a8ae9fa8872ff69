/*
 * README: ownership handed off from a __free() variable (include/linux/cleanup.h).
 * T *p __free(kfree) = ...; frees p where its scope ends, unless p is NULL
 * there: no_free_ptr(p) gives the pointer away and leaves NULL in p, and
 * return_ptr(p) returns it unfreed. uninstall must never free the file's oob
 * object (DL203): evl_defer_drop() gives it to a deferred drop on every path
 * that has one (quiet, the early return has nothing to free), evl_take()
 * returns it with return_ptr() (quiet); evl_drop_if_busy() gives it away
 * only when it is busy, so the end of the scope frees it otherwise (DL203
 * at the closing brace), and evl_drop_unless_busy() frees it at the early
 * return that leaves the scope before the handoff (DL203 at that return).
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/cleanup.h>

struct evl_file {
	struct file *filp;
	int busy;
};

/* Provided by the core, not part of this run (non-sleeping, no free). */
void evl_queue_drop(struct evl_file *efile);
void evl_hold(struct evl_file *efile);
int evl_busy(struct evl_file *efile);

static void evl_defer_drop(struct file *filp)
{
	struct evl_file *efile __free(kfree) = filp->oob_data;

	if (!efile)
		return;
	evl_queue_drop(no_free_ptr(efile));
}

static struct evl_file *evl_take(struct file *filp)
{
	struct evl_file *efile __free(kfree) = filp->oob_data;

	if (!efile)
		return NULL;
	evl_hold(efile);
	return_ptr(efile);
}

static void evl_drop_if_busy(struct file *filp)
{
	struct evl_file *efile __free(kfree) = filp->oob_data;

	if (efile && evl_busy(efile))
		evl_queue_drop(no_free_ptr(efile));
}	/* expect: DL203 "__free(kfree)" */

static void evl_drop_unless_busy(struct file *filp)
{
	struct evl_file *efile __free(kfree) = filp->oob_data;

	if (efile && !evl_busy(efile))
		return;		/* expect: DL203 "kfree(efile)" */
	evl_queue_drop(no_free_ptr(efile));
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_file *held;

	evl_defer_drop(file);
	held = evl_take(file);
	if (held)
		evl_queue_drop(held);
	evl_drop_if_busy(file);
	evl_drop_unless_busy(file);
}
