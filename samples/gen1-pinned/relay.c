/*
 * README: DL401 under a pinned generation-1 profile. The code itself never
 * names the oob pointer (its state lives in a private table), so only the
 * profile in .dovelint.yml says which generation applies. In generation 1
 * an oob handler must not look descriptors up in current->files: fget()
 * and fdget() (what CLASS(fd) expands to) are findings there.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/file.h>

int relay_wait_oob(unsigned int fd);

static long relay_lookup(unsigned int fd)
{
	CLASS(fd, f)(fd);	/* expect: DL401 "Dovetail generation 1: oob_data" */

	if (fd_empty(f))
		return -EBADF;
	return 0;
}

static long relay_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct file *peer = fget((unsigned int)arg);	/* expect: DL401 "fget() uses current->files" */

	if (!peer)
		return -EBADF;
	fput(peer);
	if (relay_lookup(cmd))
		return -EBADF;
	return relay_wait_oob((unsigned int)arg);
}

static const struct file_operations relay_fops = {
	.owner		= THIS_MODULE,
	.oob_ioctl	= relay_oob_ioctl,
};

MODULE_LICENSE("GPL");
