/*
 * README: a core whose release helper is recognised by its body (DL205) and
 * whose replace hook empties its array slot in a helper (DL206). The names
 * are not in the knowledge base: core_detach_file() releases the oob object
 * because it drops the reference core_attach_file() took, on a part embedded
 * in the object; empty_slot() stores NULL into a slot of the core's index,
 * which removes the stale entry of (files, fd).
 */
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include "core.h"

static DEFINE_HARD_SPINLOCK(slots_lock);
static struct core_file *slots[CORE_SLOTS];

/* Called by a driver's .open, before fd_install(): hangs cfile on the file. */
int core_attach_file(struct core_file *cfile, struct file *filp)
{
	cfile->filp = filp;
	atomic_set(&cfile->ref.count, 1);
	init_completion(&cfile->ref.gone);
	filp->oob_data = cfile;
	return 0;
}

static void core_drop(struct core_ref *ref)
{
	if (atomic_dec_return(&ref->count) > 0)
		wait_for_completion(&ref->gone);
}

/* Called by a driver's .release: waits until the oob side lets go of cfile. */
void core_detach_file(struct core_file *cfile)
{
	core_drop(&cfile->ref);
}

static unsigned int slot_of(struct files_struct *files, unsigned int fd)
{
	return (fd ^ (unsigned long)files) % CORE_SLOTS;
}

static void fill_slot(unsigned int fd, struct file *file, struct files_struct *files)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&slots_lock, flags);
	slots[slot_of(files, fd)] = file->oob_data;
	raw_spin_unlock_irqrestore(&slots_lock, flags);
}

/* Empties the slot of (files, fd): its entry is no longer in the index. */
static void empty_slot(unsigned int fd, struct files_struct *files)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&slots_lock, flags);
	slots[slot_of(files, fd)] = NULL;
	raw_spin_unlock_irqrestore(&slots_lock, flags);
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (file->oob_data)
		fill_slot(fd, file, files);
}

/* Right: when the new file is not oob-capable, the old file's slot is emptied. */
void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (!file->oob_data) {
		empty_slot(fd, files);
		return;
	}
	fill_slot(fd, file, files);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	empty_slot(fd, files);
}
