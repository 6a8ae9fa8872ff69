/* fget() looks the fd up in the calling task's table. */
struct file *fget(unsigned int fd)
{
	return lookup_fd(current->files, fd);
}
