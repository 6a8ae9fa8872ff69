/* Task state, the fd table's lock, and freeing an argument. */
int uses_files(unsigned int fd)
{
	struct file *f = fget(fd);

	return f != 0;
}

int mm_user(void)
{
	return current->mm != 0;
}

void takes_lock(struct files_struct *files)
{
	spin_lock(&files->file_lock);
	spin_unlock(&files->file_lock);
}

void free_obj(void *p)
{
	kfree(p);
}

void free_obj_outer(int x, void *q)
{
	free_obj(q);
}

struct mm_struct *task_mm_user(int flags, struct task_struct *t)
{
	return get_task_mm(t);
}

struct mm_struct *own_mm_user(void)
{
	return task_mm_user(0, current);
}

/* A companion core's open and release helpers (oob_data: the first Dovetail generation's field). */
void core_open_file(void *ctx, struct file *filp)
{
	filp->oob_data = ctx;
}

void core_bind(struct file *filp, void *ctx)
{
	core_open_file(ctx, filp);
}

void core_release_file(struct file *filp)
{
	filp->oob_data = NULL;
}

/* An optional out-pointer: the fd reaches user memory only when the caller gives one. */
int give_fd(struct file *file, int __user *ufd)
{
	if (ufd)
		put_user(3, ufd);
	return 3;
}

int give_fd_fixed(struct file *file)
{
	return give_fd(file, NULL);
}

/* A sleep on each side of a NULL test: the one in the else happens whatever the caller passes. */
int either_way(struct device *dev, void **slot)
{
	if (dev)
		*slot = kzalloc(8, GFP_KERNEL);
	else
		ssleep(1);
	return 0;
}

int either_way_null(void **slot)
{
	return either_way(NULL, slot);
}
