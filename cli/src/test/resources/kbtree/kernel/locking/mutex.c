/* The sleeping lock as the kernel defines it: kernel.yml describes might_sleep(), not mutex_lock(). */
struct mutex;

void mutex_lock(struct mutex *lock)
{
	might_sleep();
}

void mutex_unlock(struct mutex *lock)
{
}
