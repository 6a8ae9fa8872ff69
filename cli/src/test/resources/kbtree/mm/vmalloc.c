/* Linux 6.1 defines vmalloc() here; 6.12 makes it a macro, which is why kernel.yml keeps it. */
void *vmalloc(unsigned long size)
{
	might_sleep();
	return 0;
}
