/*
 * README: the core side of a generation-3 Dovetail port. The oob pointer is
 * file->f_oob_state.data. Dovetail lets the oob stage look a descriptor up
 * with fget()/fdget() (CLASS(fd)), and defers a final fput() made there to
 * the in-band stage, so none of this is DL401 when an oob handler reaches it
 * (dovelint picks generation 3 from the member path the code uses).
 */
#include "gen3.h"

struct tick_file *tick_get_file(unsigned int fd)
{
	struct tick_file *efile;
	CLASS(fd, f)(fd);

	if (fd_empty(f))
		return NULL;

	efile = fd_file(f)->f_oob_state.data;
	if (efile)
		efile->refs++;

	return efile;
}

void tick_put_file(struct tick_file *efile)
{
	if (--efile->refs == 0)
		fput(efile->filp);
}

int tick_open_file(struct tick_file *efile, struct file *filp)
{
	efile->filp = filp;
	efile->refs = 1;
	filp->f_oob_state.data = efile;
	return 0;
}

void tick_release_file(struct tick_file *efile)
{
	(&efile->filp->f_oob_state)->data = NULL;
}

/*
 * Hooks: generation-3 EVL defines none, but a core that still tracks fds is
 * bound by the same call sites. install forgets the NULL test; replace and
 * uninstall test first; uninstall must not write the driver's pointer.
 */
void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct tick_file *efile = file->f_oob_state.data;

	if (efile->flags & TICK_NOTRACK)	/* expect: DL201 "file->f_oob_state.data" */
		return;

	tick_index_add(files, fd, file);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	struct tick_file *efile = file->f_oob_state.data;

	if (!efile || (efile->flags & TICK_NOTRACK)) {
		tick_index_drop(files, fd);
		return;
	}

	tick_index_add(files, fd, file);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	if (file->f_oob_state.data)
		file->f_oob_state.data = NULL;	/* expect: DL202 "file->f_oob_state.data" */

	tick_index_drop(files, fd);
}
