/*
 * README: stage switches in oob handlers (DL401). A core moves the calling
 * thread to the in-band stage with a switch of its own (EVL's
 * evl_switch_inband()): calling it from the oob stage is what it is for, it
 * sleeps in-band once switched, and whatever its caller does after it runs
 * in-band too. What the caller does before it still runs on the oob stage.
 */
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/sched.h>

struct worker {
	struct mutex lock;
	int state;
};

/* The core's switch: leaves the oob stage, then waits in-band for the switch to complete. */
void evl_switch_inband(int cause)
{
	dovetail_leave_oob();
	schedule();
}

static void worker_settle(struct worker *w)
{
	mutex_lock(&w->lock);
	w->state = 0;
	mutex_unlock(&w->lock);
}

/* Right: settles the worker once in-band. */
static long worker_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct worker *w = filp->oob_data;

	if (cmd == 1) {
		evl_switch_inband(0);
		worker_settle(w);
	}
	return 0;
}

/* Wrong: settles the worker before switching. */
static ssize_t worker_oob_write(struct file *filp, const char __user *u, size_t count)
{
	struct worker *w = filp->oob_data;

	mutex_lock(&w->lock);	/* expect: DL401 "reachable from the oob handler worker_oob_write()" */
	w->state = 1;
	mutex_unlock(&w->lock);
	evl_switch_inband(0);
	return count;
}

static const struct file_operations worker_fops = {
	.oob_ioctl	= worker_oob_ioctl,
	.oob_write	= worker_oob_write,
};
