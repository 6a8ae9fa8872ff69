/*
 * README: the second definition of install_inband_fd, and a correct
 * uninstall hook whose fd parameter is spelled 'unsigned' (the same type as
 * unsigned int: not reported).
 */
#include <linux/fs.h>
#include <linux/fdtable.h>

static unsigned long evl_seen;

void install_inband_fd(unsigned int fd, struct file *file, /* expect: DL105 */
		       struct files_struct *files)
{
	if (file->oob_data)
		evl_seen++;
}

void uninstall_inband_fd(unsigned fd, struct file *file,
			 struct files_struct *files)
{
	if (file->oob_data)
		evl_seen--;
}
