/*
 * README: DL205 variants for drivers that embed the core's oob object in
 * their own per-file state (the way EVL drivers embed struct evl_file). .open
 * hangs the embedded object on the file through the core's helper; .release
 * may free the state that embeds it, or call the core's release helper
 * (recognised from its body in core.c). Freeing only a buffer the state
 * points to tears nothing down.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "core.h"

struct widget {
	struct work_struct flush;
	void *buffer;
	struct core_file cfile;
};

static int widget_open(struct inode *inode, struct file *filp)
{
	struct widget *w = kzalloc(sizeof(*w), GFP_KERNEL);
	int ret;

	if (!w)
		return -ENOMEM;
	ret = core_attach_file(&w->cfile, filp);
	if (ret) {
		kfree(w);
		return ret;
	}
	filp->private_data = w;
	return 0;
}

/* Right: frees the state that embeds the oob object. */
static int widget_release(struct inode *inode, struct file *filp)
{
	struct widget *w = filp->private_data;

	cancel_work_sync(&w->flush);
	kfree(w->buffer);
	kfree(w);
	return 0;
}

static const struct file_operations widget_fops = {
	.owner		= THIS_MODULE,
	.open		= widget_open,
	.release	= widget_release,
};

struct gizmo {
	int users;
	struct core_file cfile;
};

/* Defined out of this sample: drops the driver's own reference on its state. */
void gizmo_put(struct gizmo *gz);

static int gizmo_open(struct inode *inode, struct file *filp)
{
	struct gizmo *gz = kzalloc(sizeof(*gz), GFP_KERNEL);

	if (!gz)
		return -ENOMEM;
	filp->private_data = gz;
	return core_attach_file(&gz->cfile, filp);
}

/* Right: hands the embedded object back to the core, whose helper releases it. */
static int gizmo_release(struct inode *inode, struct file *filp)
{
	struct gizmo *gz = filp->private_data;

	core_detach_file(&gz->cfile);
	gizmo_put(gz);
	return 0;
}

static const struct file_operations gizmo_fops = {
	.owner		= THIS_MODULE,
	.open		= gizmo_open,
	.release	= gizmo_release,
};

struct gadget {
	void *samples;
	struct core_file cfile;
};

static int gadget_open(struct inode *inode, struct file *filp)
{
	struct gadget *gd = kzalloc(sizeof(*gd), GFP_KERNEL);

	if (!gd)
		return -ENOMEM;
	gd->samples = kzalloc(4096, GFP_KERNEL);
	filp->private_data = gd;
	return core_attach_file(&gd->cfile, filp);
}

/* Wrong: frees a buffer the state points to, not the state nor the oob object. */
static int gadget_release(struct inode *inode, struct file *filp)
{
	struct gadget *gd = filp->private_data;

	kfree(gd->samples);
	return 0;
}

static const struct file_operations gadget_fops = { /* expect: DL205 */
	.owner		= THIS_MODULE,
	.open		= gadget_open,
	.release	= gadget_release,
};
