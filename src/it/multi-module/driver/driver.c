#include <linux/slab.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(evl_lock);

void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
{
	void *p;

	if (!file->oob_data)
		return;
	spin_lock(&evl_lock);
	p = kmalloc(16, GFP_ATOMIC);
	kfree(p);
	spin_unlock(&evl_lock);
}
