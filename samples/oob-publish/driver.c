/*
 * README: DL204 in drivers that call the core's helpers. .open may attach
 * the file (it is not installed yet), .release may detach it; an ioctl or a
 * work item that does either runs on an installed fd. The finding is at the
 * driver's call, the chain shows the helper that writes the pointer.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "chan.h"

#define PIPE_ATTACH	_IO('p', 1)

struct pipe_ctx {
	struct chan_oob oob;		/* embedded: the oob object lives in the context */
	struct work_struct detach;
};

static int pipe_open(struct inode *inode, struct file *filp)
{
	struct pipe_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	filp->private_data = ctx;
	return chan_attach_file(&ctx->oob, filp);
}

static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_ctx *ctx = filp->private_data;

	chan_detach_file(&ctx->oob);
	kfree(ctx);
	return 0;
}

/* Re-attaching on request: too late, the fd is installed. */
static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_ctx *ctx = filp->private_data;

	if (cmd != PIPE_ATTACH)
		return -ENOTTY;
	return chan_attach_file(&ctx->oob, filp);	/* expect: DL204 "after the fd was installed" */
}

/* Detaching from a work item instead of .release. */
static void pipe_detach_work(struct work_struct *work)
{
	struct pipe_ctx *ctx = container_of(work, struct pipe_ctx, detach);

	chan_detach_file(&ctx->oob);	/* expect: DL204 "only .release may clear it" */
}

static void pipe_schedule_detach(struct pipe_ctx *ctx)
{
	INIT_WORK(&ctx->detach, pipe_detach_work);
	schedule_work(&ctx->detach);
}

static const struct file_operations pipe_fops = {
	.owner		= THIS_MODULE,
	.open		= pipe_open,
	.release	= pipe_release,
	.unlocked_ioctl	= pipe_ioctl,
};

MODULE_LICENSE("GPL");
