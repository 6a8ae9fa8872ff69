/*
 * README: DL401 variants. The .oob_read, .oob_write and .oob_ioctl handlers
 * run on the out-of-band stage: nothing they reach may sleep or use the
 * in-band VFS/mm state of current (directly, through helpers in another
 * file, or through a function pointer). The core's own oob services
 * (evl_*), hard spinlocks and atomics are fine; the in-band handlers may
 * sleep as they like.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include "evl.h"

#define CHAN_PEEK	_IOW('c', 1, int)
#define CHAN_LOG	_IO('c', 2)

static int chan_open(struct inode *inode, struct file *filp)
{
	struct chan_state *state = kzalloc(sizeof(*state), GFP_KERNEL);

	if (!state)
		return -ENOMEM;
	mutex_init(&state->inband_lock);
	raw_spin_lock_init(&state->oob_lock);
	filp->oob_data = state;
	return 0;
}

static int chan_release(struct inode *inode, struct file *filp)
{
	kfree(filp->oob_data);
	filp->oob_data = NULL;
	return 0;
}

/* In-band read: sleeping is fine here. */
static ssize_t chan_read(struct file *filp, char __user *u, size_t count, loff_t *ppos)
{
	struct chan_state *state = filp->oob_data;
	ssize_t ret = count;

	mutex_lock(&state->inband_lock);
	if (copy_to_user(u, state->buf, min(count, state->len)))
		ret = -EFAULT;
	mutex_unlock(&state->inband_lock);
	return ret;
}

/* Right: oob-safe services only. */
static ssize_t chan_oob_read(struct file *filp, char __user *u, size_t count)
{
	struct chan_state *state = filp->oob_data;
	unsigned long flags;
	ssize_t ret;

	ret = evl_wait_event(state);
	if (ret)
		return ret;
	raw_spin_lock_irqsave(&state->oob_lock, flags);
	ret = evl_copy_to_user(u, state->buf, min(count, state->len));
	raw_spin_unlock_irqrestore(&state->oob_lock, flags);
	return ret;
}

/* Wrong: in-band sleeping lock and user copy on the oob stage. */
static ssize_t chan_oob_write(struct file *filp, const char __user *u, size_t count)
{
	struct chan_state *state = filp->oob_data;
	ssize_t ret = count;

	mutex_lock(&state->inband_lock);	/* expect: DL401 */
	if (copy_from_user(state->buf, u, min(count, sizeof(state->buf))))	/* expect: DL401 */
		ret = -EFAULT;
	mutex_unlock(&state->inband_lock);
	return ret;
}

typedef void (*chan_logger_t)(struct chan_state *state);

static long chan_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct chan_state *state = filp->oob_data;
	chan_logger_t log = chan_log_inband;
	int fd;

	switch (cmd) {
	case CHAN_PEEK:
		if (evl_copy_from_user(&fd, (int __user *)arg, sizeof(fd)))
			return -EFAULT;
		return chan_peek_fd(fd);
	case CHAN_LOG:
		log(state);
		return 0;
	default:
		return current->mm ? -ENOTTY : -EINVAL;	/* expect: DL401 */
	}
}

static const struct file_operations chan_fops = {
	.owner		= THIS_MODULE,
	.open		= chan_open,
	.release	= chan_release,
	.read		= chan_read,
	.oob_read	= chan_oob_read,
	.oob_write	= chan_oob_write,
	.oob_ioctl	= chan_oob_ioctl,
};

MODULE_LICENSE("GPL");
