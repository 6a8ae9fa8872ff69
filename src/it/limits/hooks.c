#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/file.h>

static DEFINE_MUTEX(evl_lock);

void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
{
	void *p;

	mutex_lock(&evl_lock);
	p = kmalloc(16, GFP_KERNEL);
	kfree(p);
	mutex_unlock(&evl_lock);
}

void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
{
	struct file *f = fget(fd);

	if (f)
		fput(f);
}
