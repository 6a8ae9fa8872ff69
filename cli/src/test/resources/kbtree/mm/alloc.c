/* A GFP argument passed down two levels, and a call across files. */
void *alloc_inner(unsigned int size, gfp_t gfp)
{
	return kmalloc(size, gfp);
}

void *alloc_middle(gfp_t flags, unsigned int size)
{
	return alloc_inner(size, flags | __GFP_ZERO);
}

void *alloc_atomic(void)
{
	return alloc_middle(GFP_ATOMIC, 8);
}

void *alloc_kernel(void)
{
	return alloc_middle(GFP_KERNEL, 8);
}

int cross_file(void)
{
	return exported_sleeper();
}

/* A mask cleared on every path never sleeps; cleared on one path only, it still may. */
void *alloc_masked(gfp_t gfp)
{
	gfp &= ~__GFP_DIRECT_RECLAIM;
	return alloc_inner(16, gfp);
}

void *alloc_masked_kernel(void)
{
	return alloc_masked(GFP_KERNEL);
}

void *alloc_maybe_masked(gfp_t gfp, int atomic)
{
	if (atomic)
		gfp &= ~__GFP_DIRECT_RECLAIM;
	return alloc_inner(16, gfp);
}
