/*
 * README: a generation-3 driver. .open publishes its oob state through the
 * core before the fd exists; .release tears it down. Of its oob handlers,
 * the ioctl may look another fd up with the core's helper (fget/fdget and
 * fput are allowed on the oob stage from generation 2 and 3 respectively),
 * the write handler sleeps on an in-band mutex (DL401 in every generation),
 * and the read handler reaches current->files directly (DL401 too).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "gen3.h"

#define TICK_ATTACH	_IOW('t', 1, int)

static int tick_open(struct inode *inode, struct file *filp)
{
	struct tick_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return -ENOMEM;
	mutex_init(&dev->inband_lock);
	raw_spin_lock_init(&dev->oob_lock);
	return tick_open_file(&dev->efile, filp);
}

static int tick_release(struct inode *inode, struct file *filp)
{
	struct tick_dev *dev = container_of(filp->f_oob_state.data, struct tick_dev, efile);

	tick_release_file(&dev->efile);
	kfree(dev);
	return 0;
}

static long tick_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct tick_dev *dev = container_of(filp->f_oob_state.data, struct tick_dev, efile);
	struct tick_file *other;
	struct file *peer;

	switch (cmd) {
	case TICK_ATTACH:
		other = tick_get_file((unsigned int)arg);	/* fdget() through CLASS(fd): allowed */
		if (!other)
			return -EBADF;
		tick_put_file(other);				/* fput() from oob: deferred */
		return 0;
	default:
		peer = fget((unsigned int)arg);			/* allowed in generation 3 */
		if (!peer)
			return -EBADF;
		fput(peer);
		return tick_wait_oob(dev);
	}
}

static ssize_t tick_oob_write(struct file *filp, const char __user *u, size_t count)
{
	struct tick_dev *dev = container_of(filp->f_oob_state.data, struct tick_dev, efile);

	mutex_lock(&dev->inband_lock);	/* expect: DL401 "Dovetail generation 3: f_oob_state.data" */
	dev->last = count;
	mutex_unlock(&dev->inband_lock);
	return count;
}

static ssize_t tick_oob_read(struct file *filp, char __user *u, size_t count)
{
	struct tick_dev *dev = container_of(filp->f_oob_state.data, struct tick_dev, efile);

	if (!current->files->fdt)	/* expect: DL401 "uses current->files" */
		return -EBADF;
	return tick_wait_oob(dev);
}

/* Wrong: the oob state is published from an ioctl, after the fd was installed. */
static long tick_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	static struct tick_file late;

	filp->f_oob_state.data = &late;	/* expect: DL204 "f_oob_state.data" */
	return 0;
}

static const struct file_operations tick_fops = {
	.owner		= THIS_MODULE,
	.open		= tick_open,
	.release	= tick_release,
	.unlocked_ioctl	= tick_ioctl,
	.oob_ioctl	= tick_oob_ioctl,
	.oob_read	= tick_oob_read,
	.oob_write	= tick_oob_write,
};

MODULE_LICENSE("GPL");
