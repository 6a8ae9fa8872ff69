/*
 * README: DL202 and DL203 variants, in the hooks of a core. file->oob_data
 * belongs to the driver: hooks only read it (after a NULL test), never
 * write it, and uninstall_inband_fd, a per-fd event, must not free it (other
 * fds may still refer to the file). Freeing the core's own per-fd entry is
 * fine.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include "evl.h"

static DEFINE_HARD_SPINLOCK(index_lock);
static LIST_HEAD(index_list);

static void index_fd(unsigned int fd, struct file *file, struct files_struct *files)
{
	struct evl_fd *efd;
	unsigned long flags;

	efd = kmalloc(sizeof(*efd), GFP_ATOMIC);
	if (!efd)
		return;

	efd->fd = fd;
	efd->filp = file;
	efd->files = files;
	raw_spin_lock_irqsave(&index_lock, flags);
	list_add(&efd->next, &index_list);
	raw_spin_unlock_irqrestore(&index_lock, flags);
}

static struct evl_fd *unindex_fd(unsigned int fd, struct files_struct *files)
{
	struct evl_fd *efd, *found = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&index_lock, flags);
	list_for_each_entry(efd, &index_list, next) {
		if (efd->files == files && efd->fd == fd) {
			list_del(&efd->next);
			found = efd;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&index_lock, flags);

	return found;
}

/* Frees whatever it is given: DL203 only when uninstall passes the oob object. */
void evl_put_state(struct demo_state *state)
{
	kfree(state);	/* expect: DL203 */
}

/* Marks the file as seen: a write of the oob pointer, reached from install. */
static void mark_seen(struct file *file, void *tag)
{
	file->oob_data = tag;	/* expect: DL202 */
}

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (file->oob_data)
		index_fd(fd, file, files);
	else
		mark_seen(file, files);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	/* Always drop the old entry, then index the new file if oob-capable. */
	kfree(unindex_fd(fd, files));
	if (file->oob_data)
		index_fd(fd, file, files);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	struct demo_state *state = file->oob_data;
	struct evl_fd *efd;

	/* The core's own per-fd entry: freeing it is fine. */
	efd = unindex_fd(fd, files);
	kfree(efd);

	if (state) {
		evl_put_state(state);
		file->oob_data = NULL;	/* expect: DL202 */
	}
}
