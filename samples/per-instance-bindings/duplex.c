/*
 * README: per-instance function pointers (DL401). A duplex channel embeds two
 * rings of the same type, each with its own wait and signal functions stored
 * in it at creation: the in-band ring's sleep on a Linux wait queue, the oob
 * ring's on a core wait. Shared code calls ring->wait(ring); what it reaches
 * is the function bound in the ring it is given, so an oob handler passing the
 * oob ring never reaches the in-band ring's wait. One passing the in-band
 * ring does.
 */
#include <linux/fs.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct ring {
	int (*wait)(struct ring *ring, size_t len);
	void (*signal)(struct ring *ring);
	size_t fill;
};

struct channel {
	struct {
		struct ring ring;
		wait_queue_head_t wq;
		struct mutex lock;
	} inb;
	struct {
		struct ring ring;
		struct core_wait wait;
	} oob;
};

static int inband_wait(struct ring *ring, size_t len)
{
	struct channel *ch = container_of(ring, struct channel, inb.ring);

	return wait_event_interruptible(ch->inb.wq, ring->fill >= len);	/* expect: DL401 "reachable from the oob handler chan_oob_ioctl()" */
}

static void inband_signal(struct ring *ring)
{
	struct channel *ch = container_of(ring, struct channel, inb.ring);

	mutex_lock(&ch->inb.lock);	/* expect: DL401 "reachable from the oob handlers chan_oob_write() and chan_oob_ioctl()" */
	wake_up(&ch->inb.wq);
	mutex_unlock(&ch->inb.lock);
}

static int oob_wait(struct ring *ring, size_t len)
{
	struct channel *ch = container_of(ring, struct channel, oob.ring);

	return core_wait_event(&ch->oob.wait, ring->fill >= len);
}

static void oob_signal(struct ring *ring)
{
	struct channel *ch = container_of(ring, struct channel, oob.ring);

	core_flush_wait(&ch->oob.wait);
}

/* Shared by both stages: what it reaches depends on the ring. */
static ssize_t ring_read(struct ring *ring, size_t len)
{
	int ret = ring->wait(ring, len);

	if (ret)
		return ret;
	ring->fill -= len;
	ring->signal(ring);
	return len;
}

/* In-band read: the in-band ring, which may sleep. */
static ssize_t chan_read(struct file *filp, char __user *u, size_t count, loff_t *ppos)
{
	struct channel *ch = filp->private_data;

	return ring_read(&ch->inb.ring, count);
}

/* Right: the oob ring's wait and signal never sleep in-band. */
static ssize_t chan_oob_read(struct file *filp, char __user *u, size_t count)
{
	struct channel *ch = filp->oob_data;

	return ring_read(&ch->oob.ring, count);
}

/* Right as well, through a local pointing at the oob ring. */
static ssize_t chan_oob_read_alias(struct file *filp, char __user *u, size_t count)
{
	struct channel *ch = filp->oob_data;
	struct ring *ring = &ch->oob.ring;

	return ring_read(ring, count);
}

/* Wrong: the in-band ring's signal, called through its own member, takes a mutex. */
static ssize_t chan_oob_write(struct file *filp, const char __user *u, size_t count)
{
	struct channel *ch = filp->oob_data;

	ch->oob.ring.fill += count;
	ch->oob.ring.signal(&ch->oob.ring);	/* right: the oob ring's */
	ch->inb.ring.signal(&ch->inb.ring);	/* wrong */
	return count;
}

/* Wrong: hands the in-band ring to the shared reader on the oob stage. */
static long chan_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct channel *ch = filp->oob_data;

	return ring_read(&ch->inb.ring, arg);
}

static int chan_open(struct inode *inode, struct file *filp)
{
	struct channel *ch = kzalloc(sizeof(*ch), GFP_KERNEL);

	if (!ch)
		return -ENOMEM;
	init_waitqueue_head(&ch->inb.wq);
	mutex_init(&ch->inb.lock);
	ch->inb.ring.wait = inband_wait;
	ch->inb.ring.signal = inband_signal;
	ch->oob.ring.wait = oob_wait;
	ch->oob.ring.signal = oob_signal;
	filp->private_data = ch;
	filp->oob_data = ch;
	return 0;
}

static int chan_release(struct inode *inode, struct file *filp)
{
	struct channel *ch = filp->private_data;

	filp->oob_data = NULL;
	kfree(ch);
	return 0;
}

static const struct file_operations chan_fops = {
	.open		= chan_open,
	.release	= chan_release,
	.read		= chan_read,
	.oob_read	= chan_oob_read,
	.oob_write	= chan_oob_write,
	.oob_ioctl	= chan_oob_ioctl,
};

static const struct file_operations chan_alias_fops = {
	.oob_read	= chan_oob_read_alias,
};
