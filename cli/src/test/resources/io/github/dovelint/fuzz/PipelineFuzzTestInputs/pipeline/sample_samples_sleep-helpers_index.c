/*
 * README: helpers of the sleep-helpers sample living in another .c file
 * than the hooks: evl_index_add() sleeps two calls down, evl_index_sync()
 * sleeps and is reached from all three hooks (one finding),
 * evl_index_dump() sleeps but no hook reaches it (no finding).
 */
#include <linux/slab.h>
#include <linux/rwsem.h>
#include <linux/list.h>
#include "evl.h"

struct evl_index evl_fd_index;

static unsigned int bucket_of(struct evl_index *idx, unsigned int fd)
{
	return fd % idx->nr_buckets;
}

static int evl_index_grow(struct evl_index *idx)
{
	struct list_head *buckets;
	unsigned int n = idx->nr_buckets * 2, i;

	buckets = kcalloc(n, sizeof(*buckets), GFP_KERNEL | __GFP_NOWARN); /* expect: DL101 (other file, via evl_index_add) */
	if (!buckets)
		return -ENOMEM;

	for (i = 0; i < n; i++)
		INIT_LIST_HEAD(&buckets[i]);

	kfree(idx->buckets);
	idx->buckets = buckets;
	idx->nr_buckets = n;

	return 0;
}

int evl_index_add(struct evl_index *idx, struct evl_fd *efd)
{
	int ret;

	if (idx->count >= idx->nr_buckets) {
		ret = evl_index_grow(idx);
		if (ret)
			return ret;
	}

	list_add(&efd->next, &idx->buckets[bucket_of(idx, efd->fd)]);
	idx->count++;

	return 0;
}

void evl_index_sync(struct evl_index *idx)
{
	/* Wait for the readers on the oob side to drain. */
	down_write(&idx->rwsem); /* expect: DL101 (one finding although the three hooks reach it) */
	up_write(&idx->rwsem);
}

/* Debug dump, called from the core's ioctl handler only. */
void evl_index_dump(struct evl_index *idx)
{
	struct evl_fd *efd;
	unsigned int i;

	evl_index_lock(idx);

	for (i = 0; i < idx->nr_buckets; i++)
		list_for_each_entry(efd, &idx->buckets[i], next)
			pr_info("fd %u -> %p\n", efd->fd, efd->filp);

	evl_index_unlock(idx);
}

static int __init evl_index_init(void)
{
	unsigned int i;

	mutex_init(&evl_fd_index.lock);
	init_rwsem(&evl_fd_index.rwsem);
	evl_fd_index.nr_buckets = 16;
	evl_fd_index.buckets = kcalloc(16, sizeof(struct list_head), GFP_KERNEL);
	if (!evl_fd_index.buckets)
		return -ENOMEM;

	for (i = 0; i < 16; i++)
		INIT_LIST_HEAD(&evl_fd_index.buckets[i]);

	evl_pool_init(&evl_fd_pool, sizeof(struct evl_fd), true);

	return 0;
}
module_init(evl_index_init);
