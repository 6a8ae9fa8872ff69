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

/* Waits only for a caller that may block (as mempool_alloc() does): sleeps with the caller's mask. */
void *pool_get(void *pool, gfp_t gfp)
{
	if (!gfpflags_allow_blocking(gfp))
		return 0;
	msleep(1);
	return pool;
}

void *pool_wait(gfp_t gfp, void *pool)
{
	if (!(gfp & __GFP_DIRECT_RECLAIM))
		return 0;
	wait_for_completion(pool);
	return pool;
}

/* Sleeps before its test: always. */
void *pool_sleeps_first(void *pool, gfp_t gfp)
{
	msleep(1);
	if (!gfpflags_allow_blocking(gfp))
		return 0;
	return pool;
}

void *pool_user_atomic(void *pool)
{
	return pool_get(pool, GFP_ATOMIC);
}

void *pool_user_kernel(void *pool)
{
	return pool_get(pool, GFP_KERNEL);
}
