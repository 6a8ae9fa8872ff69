/*
 * README: fd helpers of the uninstall-current sample that implicitly use
 * the current task's fd table (fget, fdget). Reached from uninstall, their
 * use is a finding; reached only from install, it is not.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include "evl.h"

/* Called from uninstall_inband_fd: fget() looks up current->files. */
bool evl_fd_still_open(unsigned int fd)
{
	struct file *filp;

	filp = fget(fd); /* expect: DL104 (fget uses current->files) */
	if (!filp)
		return false;

	fput(filp);

	return true;
}

/* Called from install_inband_fd only: allowed there. */
bool evl_fd_is_oob(unsigned int fd)
{
	struct fd f = fdget(fd);
	bool ret;

	if (!f.file)
		return false;

	ret = f.file->oob_data != NULL;
	fdput(f);

	return ret;
}
