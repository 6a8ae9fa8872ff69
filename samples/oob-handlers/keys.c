/*
 * README: DL401 and current->files used as a key. A core keeps its own index
 * of oob-capable fds, keyed on (files, fd): on the oob stage it may read
 * current->files as that key (only the task itself changes its ->files, and
 * the fd table behind it is not touched). Looking into the fd table through
 * it, or handing it to an in-band VFS function, is what the oob stage must
 * not do (and without RCU or file_lock, DL301 too).
 */
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/spinlock.h>
#include "evl.h"

struct key_entry {
	struct files_struct *files;
	unsigned int fd;
	struct chan_state *state;
};

#define KEY_SLOTS 64

static struct key_entry key_index[KEY_SLOTS];
static DEFINE_HARD_SPINLOCK(key_lock);

/* Compares the key, never looks behind it. */
static struct key_entry *key_find(struct files_struct *files, unsigned int fd)
{
	struct key_entry *e = &key_index[fd % KEY_SLOTS];

	if (e->files == files && e->fd == fd)
		return e;
	return NULL;
}

/* Right: the core's own index, keyed on current->files. */
static long key_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct key_entry *e;
	unsigned long flags;
	long ret = -EBADF;

	raw_spin_lock_irqsave(&key_lock, flags);
	e = key_find(current->files, (unsigned int)arg);
	if (e)
		ret = e->state->len;
	raw_spin_unlock_irqrestore(&key_lock, flags);
	return ret;
}

/* Wrong: looks into the in-band fd table of current on the oob stage. */
static ssize_t key_oob_read(struct file *filp, char __user *u, size_t count)
{
	struct fdtable *fdt = files_fdtable(current->files);	/* expect: DL301, DL401 */

	return fdt->max_fds;
}

static const struct file_operations key_fops = {
	.oob_ioctl	= key_oob_ioctl,
	.oob_read	= key_oob_read,
};
