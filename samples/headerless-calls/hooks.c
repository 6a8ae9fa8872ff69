/*
 * README: calls that read as declarations without the kernel headers. In
 * `f(g(a, b));`, when f, a and b are declared in a header dovelint does not
 * read, the statement could also declare a function g returning a type
 * named f with parameters a and b; the C parser keeps that reading, and the
 * call (a lock, a sleep) would be lost. dovelint reads such a statement as
 * the call it spells, inside an if or a loop too. `u32 (seq);` names a type
 * the file knows (u32) and stays a declaration.
 */
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/fs.h>

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	mutex_lock(evl_fd_mutex(evl_fd_table, EVL_FD_HASH_BITS)); /* expect: DL101 */
	mutex_unlock(evl_fd_mutex(evl_fd_table, EVL_FD_HASH_BITS));

	if (file->oob_data)
		msleep(evl_grace_ms(EVL_GRACE, HZ)); /* expect: DL101 */
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	u32 (seq);

	spin_lock(evl_bucket_lock(evl_fd_table, EVL_FD_HASH_BITS)); /* expect: DL106 */
	seq = 0;
}
