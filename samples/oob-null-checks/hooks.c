/*
 * README: NULL checks of the oob pointer in the hooks (DL201). The hooks
 * run for every fd, so file->oob_data is NULL for most files. install reads
 * it through a local alias without a test; uninstall passes it to a helper
 * that dereferences it on one path, and reads it through a macro. The
 * unmarked uses are tested first: "if (!efile) return;", a test in the same
 * condition, and a helper that checks for NULL itself.
 */
#include "evl.h"

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_file *efile = file->oob_data;

	if (efile->flags & EVL_FILE_NOTRACK)	/* expect: DL201 */
		return;

	evl_index_add(files, fd, file);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_file *efile = file->oob_data;

	if (!efile) {
		/* Not oob-capable (any more): drop the entry. */
		evl_index_remove(files, fd);
		return;
	}

	evl_file_account(efile);
	evl_index_update(files, fd, file);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	if (fd < EVL_RESERVED_FDS)
		evl_file_account(file->oob_data);	/* expect: DL201 */

	evl_file_account_checked(file->oob_data);

	if (file->oob_data && ((struct evl_file *)file->oob_data)->refs > 0)
		((struct evl_file *)file->oob_data)->refs--;

	if (evl_file_flags(file) & EVL_FILE_NOTRACK)	/* expect: DL201 */
		return;

	evl_index_remove(files, fd);
}
