/*
 * README: the kernel's own defaults, as in fs/file.c of a Dovetail kernel:
 * empty __weak hooks. Analysed together with a core, they are not reported
 * (a trap: an empty __weak hook is the default, not an override).
 */
#include <linux/fs.h>
#include <linux/fdtable.h>

void __weak install_inband_fd(unsigned int fd, struct file *file,
			      struct files_struct *files)
{
}

void __weak replace_inband_fd(unsigned int fd, struct file *file,
			      struct files_struct *files)
{
}

void __weak uninstall_inband_fd(unsigned int fd, struct file *file,
				struct files_struct *files)
{
}
