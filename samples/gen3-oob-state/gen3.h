/*
 * Shared declarations of the gen3-oob-state sample: a companion core for a
 * generation-3 Dovetail kernel, where struct file embeds a
 * struct oob_file_state and the oob pointer is file->f_oob_state.data.
 */
#ifndef _GEN3_OOB_STATE_H
#define _GEN3_OOB_STATE_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct tick_file {
	struct file *filp;
	int refs;
	unsigned int flags;
};

struct tick_dev {
	struct tick_file efile;		/* embedded: freed with the device context */
	struct mutex inband_lock;
	hard_spinlock_t oob_lock;
	u64 last;
};

#define TICK_NOTRACK	0x1

/* core.c */
struct tick_file *tick_get_file(unsigned int fd);
void tick_put_file(struct tick_file *efile);
int tick_open_file(struct tick_file *efile, struct file *filp);
void tick_release_file(struct tick_file *efile);

/* The core's own oob services: no body here, unknown to the knowledge base. */
int tick_wait_oob(struct tick_dev *dev);
void tick_index_add(struct files_struct *files, unsigned int fd, struct file *filp);
void tick_index_drop(struct files_struct *files, unsigned int fd);

#endif /* !_GEN3_OOB_STATE_H */
