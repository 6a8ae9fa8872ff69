/* Shared declarations of the oob-publish sample. */
#ifndef _OOB_PUBLISH_CHAN_H
#define _OOB_PUBLISH_CHAN_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

/* The core's oob side of a file; drivers embed it in their own context. */
struct chan_oob {
	struct file *filp;
	int refs;
};

/* core.c: the library helpers drivers call from their .open and .release */
int chan_attach_file(struct chan_oob *oob, struct file *filp);
void chan_detach_file(struct chan_oob *oob);

#endif /* !_OOB_PUBLISH_CHAN_H */
