/*
 * README: DL401 when the generation cannot be told. This driver names no
 * oob pointer and its unit pins no profile, so it may be built for any
 * Dovetail generation: dovelint reports only what every generation forbids
 * (sleeping, current->mm, a direct current->files use) and says so, and
 * leaves fget() alone, which generations 2 and 3 allow on the oob stage.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(probe_lock);

static long probe_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct file *peer = fget((unsigned int)arg);

	if (!peer)
		return -EBADF;
	fput(peer);
	mutex_lock(&probe_lock);	/* expect: DL401 "Dovetail generation 1, 2 or 3: the code uses no oob pointer" */
	mutex_unlock(&probe_lock);
	return 0;
}

static const struct file_operations probe_fops = {
	.owner		= THIS_MODULE,
	.oob_ioctl	= probe_oob_ioctl,
};

MODULE_LICENSE("GPL");
