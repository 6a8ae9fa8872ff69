/*
 * What the drivers of the oob-teardown-kb sample see of the core: its
 * exported helpers are declared here and defined elsewhere, out of the run.
 * The knowledge base says evl_open_file() sets the file's oob pointer and
 * evl_release_file() releases the object.
 */
#ifndef _OOB_TEARDOWN_KB_EVL_H
#define _OOB_TEARDOWN_KB_EVL_H

#include <linux/fs.h>

struct evl_file {
	struct file *filp;
	atomic_t oob_refs;
};

int evl_open_file(struct evl_file *efilp, struct file *filp);
void evl_release_file(struct evl_file *efilp);

#endif /* !_OOB_TEARDOWN_KB_EVL_H */
