/*
 * README: stage tests in oob handlers (DL401). Dovetail's running_inband()
 * and running_oob() (include/linux/irqstage.h) say which stage the code runs
 * on. A handler may flush its data at once when it runs in-band and hand the
 * flush to an in-band work otherwise, as EVL's proxy relays its output: what
 * runs only where a test says in-band is never reached on the oob stage. The
 * same flush behind a test saying oob is.
 */
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/irq_work.h>
#include <linux/irqstage.h>

struct relay {
	struct mutex worker_lock;
	struct irq_work work;
	char buf[64];
	size_t fill;
};

/* Sleeps: only for the in-band stage. */
static void relay_flush(struct relay *r)
{
	mutex_lock(&r->worker_lock);
	r->fill = 0;
	mutex_unlock(&r->worker_lock);
}

/* Right: flushes at once in-band; on the oob stage the irq_work does it later. */
static ssize_t relay_oob_write(struct file *filp, const char __user *u, size_t count)
{
	struct relay *r = filp->oob_data;

	r->fill += count;
	if (running_inband()) {
		relay_flush(r);
		return count;
	}
	irq_work_queue(&r->work);
	return count;
}

/* Right: the else side of an oob test, as EVL's element release puts it. */
static ssize_t relay_oob_read(struct file *filp, char __user *u, size_t count)
{
	struct relay *r = filp->oob_data;

	if (unlikely(running_oob() || hard_irqs_disabled()))
		irq_work_queue(&r->work);
	else
		relay_flush(r);
	return 0;
}

/* Sleeps too: called where the test is the wrong way round. */
static void relay_drain(struct relay *r)
{
	mutex_lock(&r->worker_lock);	/* expect: DL401 "reachable from the oob handler relay_oob_ioctl()" */
	r->fill = 0;
	mutex_unlock(&r->worker_lock);
}

static long relay_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct relay *r = filp->oob_data;

	if (!running_oob())
		mutex_lock(&r->worker_lock);	/* right: in-band only */
	if (running_oob())
		relay_drain(r);	/* wrong: the flush runs on the oob stage */
	if (!running_oob())
		mutex_unlock(&r->worker_lock);
	return 0;
}

static const struct file_operations relay_fops = {
	.oob_read	= relay_oob_read,
	.oob_write	= relay_oob_write,
	.oob_ioctl	= relay_oob_ioctl,
};
