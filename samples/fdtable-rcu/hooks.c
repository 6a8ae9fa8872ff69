/*
 * README: the hooks of the fdtable-rcu sample. The VFS calls them with the
 * fd table of their files argument protected (rcu_read_lock_sched() or
 * file_lock held, or the last reference owned), so install may read
 * files_fdtable(files) directly. No findings here.
 */
#include "evl.h"

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct fdtable *fdt;

	if (!file->oob_data)
		return;

	fdt = files_fdtable(files);
	evl_note_table_size(fdt->max_fds);
	evl_track_fd(files, fd, file);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	evl_untrack_fd(files, fd);

	if (file->oob_data)
		evl_track_fd(files, fd, file);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	evl_untrack_fd(files, fd);
}
