/* The no-MMU memory manager, which Dovetail never runs: left out, or alloc_inner would not sleep. */
void *alloc_inner(unsigned int size, gfp_t gfp)
{
	return 0;
}
