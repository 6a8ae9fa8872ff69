/*
 * README: evl_wait_fast() of the config-overrides sample. Its slow path
 * takes a mutex; .dovelint.yml declares the function non-sleeping, so the
 * mutex_lock below is not a finding although the hooks call it.
 */
#include <linux/mutex.h>
#include <linux/atomic.h>
#include "evl.h"

struct evl_waiter evl_fd_waiter;

void evl_wait_fast(struct evl_waiter *w)
{
	if (!w->inband || atomic_read(&w->pending) == 0)
		return;

	mutex_lock(&w->lock);
	atomic_set(&w->pending, 0);
	mutex_unlock(&w->lock);
}
