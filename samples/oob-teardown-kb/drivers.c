/*
 * README: DL205 for drivers built against a core that is not in the run.
 * .open calls evl_open_file(), which the knowledge base knows sets the
 * file's oob pointer; .release must call evl_release_file(), or free the
 * state that embeds the oob object, or both. A .release that only stops a
 * timer, and a table without .release, leave the oob object behind.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include "evl.h"

struct meter {
	struct timer_list tick;
	struct evl_file efile;
};

static int meter_open(struct inode *inode, struct file *filp)
{
	struct meter *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int ret;

	if (!m)
		return -ENOMEM;
	ret = evl_open_file(&m->efile, filp);
	if (ret) {
		kfree(m);
		return ret;
	}
	filp->private_data = m;
	return 0;
}

/* Right: the core's release helper, then the state that embeds its object. */
static int meter_release(struct inode *inode, struct file *filp)
{
	struct meter *m = filp->private_data;

	del_timer_sync(&m->tick);
	evl_release_file(&m->efile);
	kfree(m);
	return 0;
}

static const struct file_operations meter_fops = {
	.owner		= THIS_MODULE,
	.open		= meter_open,
	.release	= meter_release,
};

/* Right as well: the same teardown, in a helper given the state. */
static void meter_teardown(struct meter *m)
{
	del_timer_sync(&m->tick);
	evl_release_file(&m->efile);
}

static int probe_release(struct inode *inode, struct file *filp)
{
	meter_teardown(filp->private_data);
	return 0;
}

static const struct file_operations probe_fops = {
	.owner		= THIS_MODULE,
	.open		= meter_open,
	.release	= probe_release,
};

/* Wrong: stops the timer and returns; the oob object is never released. */
static int sloppy_release(struct inode *inode, struct file *filp)
{
	struct meter *m = filp->private_data;

	del_timer_sync(&m->tick);
	return 0;
}

static const struct file_operations sloppy_fops = { /* expect: DL205 */
	.owner		= THIS_MODULE,
	.open		= meter_open,
	.release	= sloppy_release,
};

/* Wrong: no .release at all. */
static const struct file_operations bare_fops = { /* expect: DL205 */
	.owner		= THIS_MODULE,
	.open		= meter_open,
};
