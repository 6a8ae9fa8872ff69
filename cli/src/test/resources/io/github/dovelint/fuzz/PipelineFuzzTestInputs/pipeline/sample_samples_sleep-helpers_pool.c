/*
 * README: an object pool of the sleep-helpers sample, with its refill
 * policy behind function pointers stored in static ops structures. A call
 * through pool->ops->get may reach either .get function; only the slow one
 * sleeps.
 */
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include "evl.h"

struct evl_pool evl_fd_pool;

static DEFINE_HARD_SPINLOCK(pool_lock);

static void *pool_take(struct evl_pool *pool)
{
	struct list_head *obj = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&pool_lock, flags);
	if (!list_empty(&pool->free_list)) {
		obj = pool->free_list.next;
		list_del(obj);
	}
	raw_spin_unlock_irqrestore(&pool_lock, flags);

	return obj;
}

static void *pool_get_fast(struct evl_pool *pool)
{
	void *obj = pool_take(pool);

	if (!obj)
		obj = kmalloc(pool->obj_size, GFP_ATOMIC);

	return obj;
}

static void *pool_get_slow(struct evl_pool *pool)
{
	void *obj = pool_take(pool);

	if (obj)
		return obj;

	mutex_lock(&pool->refill_lock); /* expect: DL101 (reached through pool->ops->get) */
	obj = kmalloc(pool->obj_size, GFP_NOWAIT);
	mutex_unlock(&pool->refill_lock);

	return obj;
}

static void pool_put(struct evl_pool *pool, void *obj)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&pool_lock, flags);
	list_add(obj, &pool->free_list);
	raw_spin_unlock_irqrestore(&pool_lock, flags);
}

static const struct evl_pool_ops fast_pool_ops = {
	.get = pool_get_fast,
	.put = pool_put,
};

static const struct evl_pool_ops slow_pool_ops = {
	.get = pool_get_slow,
	.put = pool_put,
};

void evl_pool_init(struct evl_pool *pool, size_t size, bool can_sleep)
{
	pool->ops = can_sleep ? &slow_pool_ops : &fast_pool_ops;
	pool->obj_size = size < sizeof(struct list_head) ?
		sizeof(struct list_head) : size;
	mutex_init(&pool->refill_lock);
	INIT_LIST_HEAD(&pool->free_list);
}

void *evl_pool_get(struct evl_pool *pool)
{
	return pool->ops->get(pool);
}

void evl_pool_put(struct evl_pool *pool, void *obj)
{
	pool->ops->put(pool, obj);
}
