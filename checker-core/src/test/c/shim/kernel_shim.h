/*
 * A user-space shim of the kernel types and helpers a companion core's fd
 * index uses, enough to compile the samples' index code with gcc and drive
 * it from the conformance driver (driver.c). Not a kernel: locks are no-ops,
 * kmalloc is malloc.
 */
#ifndef DOVELINT_KERNEL_SHIM_H
#define DOVELINT_KERNEL_SHIM_H

#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>

typedef unsigned int gfp_t;
#define GFP_ATOMIC	0x1u
#define GFP_NOWAIT	0x2u
#define GFP_KERNEL	0x4u
#define __GFP_ZERO	0x100u

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define __weak __attribute__((weak))
#define __user
#define __rcu
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* The Dovetail struct file: both generations' oob pointer names. */
struct file {
	union {
		void *oob_data;		/* older Dovetail */
		void *f_oob_ctx;	/* recent Dovetail */
	};
	unsigned long shim_id;		/* the spec's file id */
};

struct files_struct {
	unsigned long shim_id;		/* the spec's table id */
};

struct inode;
struct mutex { int locked; };
typedef struct { int locked; } raw_spinlock_t;
typedef struct { int locked; } spinlock_t;
typedef struct { int locked; } hard_spinlock_t;

#define DEFINE_HARD_SPINLOCK(x)	raw_spinlock_t x = { 0 }
#define DEFINE_RAW_SPINLOCK(x)	raw_spinlock_t x = { 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = { 0 }
#define raw_spin_lock_irqsave(l, f)	do { (void)(l); (f) = 0; } while (0)
#define raw_spin_unlock_irqrestore(l, f) do { (void)(l); (void)(f); } while (0)
#define raw_spin_lock(l)	do { (void)(l); } while (0)
#define raw_spin_unlock(l)	do { (void)(l); } while (0)
#define spin_lock(l)		do { (void)(l); } while (0)
#define spin_unlock(l)		do { (void)(l); } while (0)
#define spin_lock_irqsave(l, f)	do { (void)(l); (f) = 0; } while (0)
#define spin_unlock_irqrestore(l, f) do { (void)(l); (void)(f); } while (0)

static inline void *kmalloc(size_t size, gfp_t gfp)
{
	return (gfp & __GFP_ZERO) ? calloc(1, size) : malloc(size);
}
static inline void *kzalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return calloc(1, size);
}
static inline void kfree(const void *p)
{
	free((void *)p);
}

/* hlist, as in include/linux/list.h */
struct hlist_head { struct hlist_node *first; };
struct hlist_node { struct hlist_node *next, **pprev; };

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member) \
	({ typeof(ptr) ____ptr = (ptr); ____ptr ? hlist_entry(____ptr, type, member) : NULL; })

static inline void INIT_HLIST_NODE(struct hlist_node *h)
{
	h->next = NULL;
	h->pprev = NULL;
}
static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;
	n->next = first;
	if (first)
		first->pprev = &n->next;
	h->first = n;
	n->pprev = &h->first;
}
static inline void hlist_del_init(struct hlist_node *n)
{
	if (n->pprev) {
		*n->pprev = n->next;
		if (n->next)
			n->next->pprev = n->pprev;
	}
	INIT_HLIST_NODE(n);
}
#define hlist_for_each_entry(pos, head, member) \
	for (pos = hlist_entry_safe((head)->first, typeof(*(pos)), member); pos; \
	     pos = hlist_entry_safe((pos)->member.next, typeof(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
	for (pos = hlist_entry_safe((head)->first, typeof(*pos), member); \
	     pos && ({ n = pos->member.next; 1; }); \
	     pos = hlist_entry_safe(n, typeof(*pos), member))

/* hashtable, as in include/linux/hashtable.h */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) (__builtin_ctzl(HASH_SIZE(name)))
#define DEFINE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
static inline unsigned long hash_min(unsigned long val, unsigned int bits)
{
	return (unsigned long)((uint64_t)val * 0x61C8864680B583EBull >> (64 - bits));
}
#define hash_add(table, node, key) hlist_add_head(node, &table[hash_min(key, HASH_BITS(table))])
#define hash_del(node) hlist_del_init(node)
#define hash_for_each_possible(name, obj, member, key) \
	hlist_for_each_entry(obj, &name[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_safe(name, bkt, tmp, obj, member) \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry_safe(obj, tmp, &name[bkt], member)

#endif
