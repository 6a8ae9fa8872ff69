/*
 * README: DL204 and DL205 variants, in oob-capable drivers. .open sets the
 * oob pointer before fd_install() calls install_inband_fd(); anything later
 * is missed by the hook. .release tears it down. The demo driver is right
 * (its open-only helper and its clearing .release are traps); the others
 * set the pointer late or never release it.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "evl.h"

#define DEMO_ENABLE	_IO('d', 1)

/* Only called from .open: may set the pointer. */
static void demo_attach(struct file *filp, struct demo_state *state)
{
	filp->oob_data = state;
}

static int demo_open(struct inode *inode, struct file *filp)
{
	struct demo_state *state;

	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return -ENOMEM;

	mutex_init(&state->lock);
	demo_attach(filp, state);

	return 0;
}

static int demo_release(struct inode *inode, struct file *filp)
{
	struct demo_state *state = filp->oob_data;

	filp->oob_data = NULL;
	kfree(state);

	return 0;
}

/* Called from .open and from the ioctl handler: the finding is at the ioctl's call. */
static void late_attach(struct file *filp)
{
	filp->oob_data = kzalloc(sizeof(struct demo_state), GFP_KERNEL);
}

static long demo_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	if (cmd != DEMO_ENABLE)
		return -ENOTTY;

	if (!filp->oob_data)
		late_attach(filp);	/* expect: DL204 "late_attach()" */

	return 0;
}

static const struct file_operations demo_fops = {
	.owner		= THIS_MODULE,
	.open		= demo_open,
	.release	= demo_release,
	.unlocked_ioctl	= demo_ioctl,
};

/* A second driver: .open sets the pointer, there is no .release at all. */
static int leaky_open(struct inode *inode, struct file *filp)
{
	late_attach(filp);
	return filp->oob_data ? 0 : -ENOMEM;
}

static const struct file_operations leaky_fops = { /* expect: DL205 */
	.owner		= THIS_MODULE,
	.open		= leaky_open,
};

/* A third driver: its .release forgets the oob state. */
static int forgetful_open(struct inode *inode, struct file *filp)
{
	struct demo_state *state = kzalloc(sizeof(*state), GFP_KERNEL);

	if (!state)
		return -ENOMEM;
	filp->oob_data = state;
	return 0;
}

static int forgetful_release(struct inode *inode, struct file *filp)
{
	pr_debug("forgetful: released\n");
	return 0;
}

static const struct file_operations forgetful_fops = { /* expect: DL205 */
	.owner		= THIS_MODULE,
	.open		= forgetful_open,
	.release	= forgetful_release,
};

/* Clearing from a work item instead of .release. */
struct demo_work {
	struct work_struct work;
	struct file *filp;
};

static void demo_detach_work(struct work_struct *work)
{
	struct demo_work *dw = container_of(work, struct demo_work, work);

	dw->filp->oob_data = NULL;	/* expect: DL204 */
}

static struct demo_work detach_work = {
	.work = __WORK_INITIALIZER(detach_work.work, demo_detach_work),
};

MODULE_LICENSE("GPL");
