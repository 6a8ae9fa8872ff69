/*
 * README: the oob-capable driver of the evl-good sample. .open sets
 * filp->oob_data before the fd is installed, .release clears it; the ioctl
 * handler sleeps (mutex, user copies), which is fine because no hook
 * reaches it. No findings.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/miscdevice.h>
#include "evl.h"

#define EVL_DEMO_SET	_IOW('e', 1, int)
#define EVL_DEMO_GET	_IOR('e', 2, int)

static int evl_demo_open(struct inode *inode, struct file *filp)
{
	struct evl_demo_state *state;

	/* Process context, before fd_install(): sleeping is fine here. */
	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return -ENOMEM;

	mutex_init(&state->lock);
	filp->oob_data = state;

	return 0;
}

static int evl_demo_release(struct inode *inode, struct file *filp)
{
	struct evl_demo_state *state = filp->oob_data;

	filp->oob_data = NULL;
	kfree(state);

	return 0;
}

static long evl_demo_ioctl(struct file *filp, unsigned int cmd,
			   unsigned long arg)
{
	struct evl_demo_state *state = filp->oob_data;
	int __user *uptr = (int __user *)arg;
	long ret = 0;
	int val;

	mutex_lock(&state->lock);

	switch (cmd) {
	case EVL_DEMO_SET:
		if (copy_from_user(&val, uptr, sizeof(val)))
			ret = -EFAULT;
		else
			state->value = val;
		break;
	case EVL_DEMO_GET:
		val = state->value;
		if (copy_to_user(uptr, &val, sizeof(val)))
			ret = -EFAULT;
		break;
	default:
		ret = -ENOTTY;
	}

	mutex_unlock(&state->lock);

	return ret;
}

static const struct file_operations evl_demo_fops = {
	.owner		= THIS_MODULE,
	.open		= evl_demo_open,
	.release	= evl_demo_release,
	.unlocked_ioctl	= evl_demo_ioctl,
};

static struct miscdevice evl_demo_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "evl-demo",
	.fops	= &evl_demo_fops,
};

static int __init evl_demo_init(void)
{
	return misc_register(&evl_demo_dev);
}
module_init(evl_demo_init);

static void __exit evl_demo_exit(void)
{
	misc_deregister(&evl_demo_dev);
}
module_exit(evl_demo_exit);

MODULE_LICENSE("GPL");
