/*
 * README: DL105, a hook defined twice in one program (two cores, or a core
 * and a test stub linked together): both definitions are reported, dovelint
 * cannot know which one the build keeps. The replace hook is itself __weak
 * with a body: the kernel's empty one may be linked instead.
 */
#include <linux/fs.h>
#include <linux/fdtable.h>

static unsigned long evl_installed;

void install_inband_fd(unsigned int fd, struct file *file, /* expect: DL105 */
		       struct files_struct *files)
{
	if (file->oob_data)
		evl_installed++;
}

void __weak replace_inband_fd(unsigned int fd, struct file *file, /* expect: DL105 */
			      struct files_struct *files)
{
	if (file->oob_data)
		evl_installed++;
}
