/* Shared declarations of the sleep-helpers sample. */
#ifndef _SLEEP_HELPERS_EVL_H
#define _SLEEP_HELPERS_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/fs.h>

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	struct evl_fd *alias;
	struct list_head aliases;
	struct list_head next;
};

struct evl_index {
	struct mutex lock;
	struct rw_semaphore rwsem;
	struct list_head *buckets;
	unsigned int nr_buckets;
	unsigned int count;
};

struct evl_pool;

struct evl_pool_ops {
	void *(*get)(struct evl_pool *pool);
	void (*put)(struct evl_pool *pool, void *obj);
};

struct evl_pool {
	const struct evl_pool_ops *ops;
	struct mutex refill_lock;
	struct list_head free_list;
	size_t obj_size;
};

extern struct evl_index evl_fd_index;
extern struct evl_pool evl_fd_pool;

/* index.c */
int evl_index_add(struct evl_index *idx, struct evl_fd *efd);
void evl_index_sync(struct evl_index *idx);
void evl_index_dump(struct evl_index *idx);

/* pool.c */
void *evl_pool_get(struct evl_pool *pool);
void evl_pool_put(struct evl_pool *pool, void *obj);
void evl_pool_init(struct evl_pool *pool, size_t size, bool can_sleep);

/* Takes the index mutex: expands to a sleeping call where it is used. */
#define evl_index_lock(idx)	mutex_lock(&(idx)->lock)
#define evl_index_unlock(idx)	mutex_unlock(&(idx)->lock)

static inline void *evl_zalloc(size_t size)
{
	return kzalloc(size, GFP_KERNEL); /* expect: DL101 (static inline helper, reached from install_inband_fd) */
}

#endif /* !_SLEEP_HELPERS_EVL_H */
