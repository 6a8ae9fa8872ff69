/* Shared declarations of the oob-teardown sample: a small core and its drivers. */
#ifndef _OOB_TEARDOWN_CORE_H
#define _OOB_TEARDOWN_CORE_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/completion.h>

/* What the core hangs on file->oob_data; drivers embed it in their own state. */
struct core_file {
	struct file *filp;
	struct core_ref {
		atomic_t count;
		struct completion gone;
	} ref;
};

/* The core's index: an array of slots, one per (files, fd) hash. */
#define CORE_SLOTS	256

/* core.c */
int core_attach_file(struct core_file *cfile, struct file *filp);
void core_detach_file(struct core_file *cfile);

#endif /* !_OOB_TEARDOWN_CORE_H */
