/* Shared declarations of the config-overrides sample. */
#ifndef _CONFIG_OVERRIDES_EVL_H
#define _CONFIG_OVERRIDES_EVL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/fs.h>

struct evl_cache;

struct evl_fd {
	unsigned int fd;
	struct file *filp;
	struct files_struct *files;
	void *scratch;
	struct list_head next;
};

struct evl_waiter {
	struct mutex lock;
	atomic_t pending;
	bool inband;
};

/* Core services without a body in this run (see .dovelint.yml). */
void *evl_alloc_chunk(size_t size);
void evl_free_chunk(void *ptr);
void *evl_cache_alloc(struct evl_cache *cache, gfp_t gfp);
void evl_cache_free(struct evl_cache *cache, void *obj);
struct file *evl_get_current_file(unsigned int fd);
void evl_put_file(struct file *filp);

/* wait.c */
void evl_wait_fast(struct evl_waiter *w);

extern struct evl_cache *evl_fd_cache;
extern struct evl_waiter evl_fd_waiter;

#endif /* !_CONFIG_OVERRIDES_EVL_H */
