/*
 * README: NULL checks of the oob pointer written through small helpers
 * (DL201). A predicate returning whether file->oob_data is non-NULL
 * (evl_is_oob()) is the test it stands for: "if (!evl_is_oob(file))
 * return;" guards what follows, and so does "if (evl_is_oob(file))" around
 * a block; one asking the opposite question (evl_is_inband_only()) guards
 * what its false side reaches. An accessor returning file->oob_data
 * (evl_file_of()) is the read it stands for: its result tested against
 * NULL is the oob pointer tested. The marked uses are not guarded: a
 * predicate whose answer does not decide whether the use runs, and an
 * accessor's result used without a test. Each helper is judged on its own,
 * where a hook passes it the file.
 */
#include "evl.h"

static void evl_ref_if_oob(struct file *file)
{
	if (!evl_is_oob(file))
		return;

	((struct evl_file *)file->oob_data)->refs++;
}

static void evl_ref_in_block(struct file *file)
{
	struct evl_file *efile;

	if (evl_is_oob(file)) {
		efile = file->oob_data;
		efile->refs++;
	}
}

static void evl_unref_unless_inband(struct file *file)
{
	if (evl_is_inband_only(file))
		return;

	((struct evl_file *)file->oob_data)->refs--;
}

static void evl_reset_checked(struct file *file)
{
	struct evl_file *efile = evl_file_of(file);

	if (!efile)
		return;

	efile->flags = 0;
}

/* The predicate is asked, but its answer does not guard the use. */
static void evl_ref_counted(struct file *file)
{
	if (evl_is_oob(file))
		evl_count_event(0);

	((struct evl_file *)file->oob_data)->refs++;
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	evl_ref_if_oob(file);
	evl_ref_in_block(file);
	evl_index_add(files, fd, file);
	evl_ref_counted(file);	/* expect: DL201 */
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct evl_file *efile;

	evl_reset_checked(file);
	evl_unref_unless_inband(file);

	if (evl_is_oob(file))
		evl_count_event(1);

	efile = evl_file_of(file);
	efile->flags = 0;	/* expect: DL201 */
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct evl_file *efile;

	if (evl_is_inband_only(file))
		return;

	efile = evl_file_of(file);
	efile->refs--;
	evl_index_remove(files, fd);
}
