#include <linux/slab.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(evl_lock);

void evl_demo_fast_path(unsigned int fd, struct file *file)
{
	void *p;

	if (!file->oob_data)
		return;
	spin_lock(&evl_lock);
	p = kmalloc(16, GFP_ATOMIC);
	kfree(p);
	spin_unlock(&evl_lock);
}
