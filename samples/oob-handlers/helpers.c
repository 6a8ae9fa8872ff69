/*
 * README: in-band helpers of the oob-handlers sample, in another file. Fine
 * when called in-band, reported where an oob handler reaches them.
 */
#include <linux/file.h>
#include <linux/slab.h>
#include "evl.h"

void chan_log_inband(struct chan_state *state)
{
	char *copy = kmalloc(sizeof(state->buf), GFP_KERNEL);	/* expect: DL401 */

	if (copy) {
		memcpy(copy, state->buf, sizeof(state->buf));
		kfree(copy);
	}
}

int chan_peek_fd(unsigned int fd)
{
	struct file *filp = fget(fd);	/* expect: DL401 "Dovetail generation 1: oob_data" */

	if (!filp)
		return -EBADF;
	fput(filp);
	return 0;
}
