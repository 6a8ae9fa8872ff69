/*
 * README: DL204 in a core (contract C5.1: the oob pointer is set before the
 * fd is installed). The core exports helpers that set and clear the pointer:
 * they are correct in themselves, nothing in the run calls them, and no
 * finding belongs there. The core also creates files of its own (a channel
 * per element): it must set the pointer before the fd_install() that
 * publishes the file, as chan_create_fd() does; chan_create_fd_late()
 * installs first and sets afterwards, which install_inband_fd() misses.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/anon_inodes.h>
#include <linux/slab.h>
#include "chan.h"

static const struct file_operations chan_fops;

/* A library helper: the driver's .open calls it before its fd exists. */
int chan_attach_file(struct chan_oob *oob, struct file *filp)
{
	oob->filp = filp;
	oob->refs = 1;
	filp->oob_data = oob;
	return 0;
}

/* Its converse, for .release. */
void chan_detach_file(struct chan_oob *oob)
{
	oob->filp->oob_data = NULL;
	oob->refs = 0;
}

/* A file the core creates itself: the pointer is set, then the fd published. */
static int chan_create_fd(struct chan_oob *oob)
{
	struct file *filp;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;

	filp = anon_inode_getfile("[chan]", &chan_fops, oob, O_RDWR);
	if (IS_ERR(filp)) {
		put_unused_fd(fd);
		return PTR_ERR(filp);
	}

	chan_attach_file(oob, filp);
	fd_install(fd, filp);

	return fd;
}

/* The same, installing first: the install hook ran before the pointer was set. */
static int chan_create_fd_late(struct chan_oob *oob)
{
	struct file *filp;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;

	filp = anon_inode_getfile("[chan]", &chan_fops, oob, O_RDWR);
	if (IS_ERR(filp)) {
		put_unused_fd(fd);
		return PTR_ERR(filp);
	}

	fd_install(fd, filp);
	chan_attach_file(oob, filp);	/* expect: DL204 "chan_attach_file()" */

	return fd;
}

struct chan_factory {
	int (*create)(struct chan_oob *oob);
};

static const struct chan_factory good_factory = {
	.create = chan_create_fd,
};

static const struct chan_factory late_factory = {
	.create = chan_create_fd_late,
};
