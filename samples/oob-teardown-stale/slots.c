/*
 * README: DL206 in a core whose index is an array of slots. replace fills
 * the slot when the new file is oob-capable and otherwise does nothing: the
 * slot keeps the old file's object, and do_dup2() never calls uninstall for
 * the old file. Emptying the slot (storing NULL) on that side is the fix;
 * uninstall does it.
 */
#include <linux/spinlock.h>
#include <linux/fs.h>

#define TABLE_SLOTS	128

static DEFINE_HARD_SPINLOCK(table_lock);
static void *table[TABLE_SLOTS];

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	unsigned long flags;

	if (!file->oob_data)
		return;
	raw_spin_lock_irqsave(&table_lock, flags);
	table[fd % TABLE_SLOTS] = file->oob_data;
	raw_spin_unlock_irqrestore(&table_lock, flags);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	unsigned long flags;

	if (file->oob_data) {	/* expect: DL206 */
		raw_spin_lock_irqsave(&table_lock, flags);
		table[fd % TABLE_SLOTS] = file->oob_data;
		raw_spin_unlock_irqrestore(&table_lock, flags);
	}
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&table_lock, flags);
	table[fd % TABLE_SLOTS] = NULL;
	raw_spin_unlock_irqrestore(&table_lock, flags);
}
