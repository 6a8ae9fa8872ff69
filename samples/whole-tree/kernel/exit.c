/*
 * README: a caller of fs/fdtable.c's first_file(), in another directory, with
 * nothing held: the finding there comes from here. Parsed, as a caller.
 */
#include <linux/fdtable.h>

void drop_first(struct files_struct *files)
{
	struct file *f = first_file(files);

	if (f)
		fput(f);
}
