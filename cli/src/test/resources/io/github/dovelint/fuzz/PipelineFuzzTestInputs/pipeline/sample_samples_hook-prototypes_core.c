/*
 * README: DL105 variants. Each hook below compiles and links, yet the VFS
 * never calls it as intended: a static hook is private to this file (the
 * kernel's empty weak one stays in use), a non-void return or different
 * parameters mean the kernel's arguments are read as something else.
 */
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/slab.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
};

static struct evl_fd *evl_last;

static void install_inband_fd(unsigned int fd, struct file *file, /* expect: DL105 */
			      struct files_struct *files)
{
	if (file->oob_data && evl_last) {
		evl_last->fd = fd;
		evl_last->filp = file;
		evl_last->files = files;
	}
}

int replace_inband_fd(unsigned int fd, struct file *file, /* expect: DL105 */
		      struct files_struct *files)
{
	return file->oob_data ? 1 : 0;
}

void uninstall_inband_fd(int fd, struct file *file) /* expect: DL105 */
{
	if (evl_last && evl_last->filp == file)
		evl_last->filp = NULL;
}

/* Keeps the static hook referenced, as a core calling its own copy would. */
void evl_track(unsigned int fd, struct file *file, struct files_struct *files)
{
	install_inband_fd(fd, file, files);
}
