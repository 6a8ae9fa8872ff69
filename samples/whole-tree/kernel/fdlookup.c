/* Calls the fs/fdpeek.c helper through its pointer, with file_lock held. */
#include <linux/fdtable.h>

extern struct file *(*evl_peek_hook)(struct files_struct *files, unsigned int fd);

struct file *evl_lookup_locked(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	spin_lock(&files->file_lock);
	file = evl_peek_hook(files, fd);
	spin_unlock(&files->file_lock);
	return file;
}
