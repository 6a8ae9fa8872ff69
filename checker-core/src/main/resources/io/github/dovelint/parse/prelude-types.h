/*
 * dovelint prelude, part 2: kernel types (headerless mode only).
 *
 * Force-included after prelude-annotations.h when no include directories and
 * no compile_commands.json are given, so that kernel code parses into proper
 * declarations and statements without kernel headers. With real headers this
 * file is NOT used: the headers' own typedefs must win.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;
typedef __u16 __le16;
typedef __u32 __le32;
typedef __u64 __le64;
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u64 __be64;
typedef __u16 __sum16;
typedef __u32 __wsum;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long long int64_t;
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef long long loff_t;
typedef long off_t;
typedef _Bool bool;
enum { false = 0, true = 1 };
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef unsigned int fmode_t;
typedef unsigned int dev_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned short umode_t;
typedef unsigned long ino_t;
typedef long time64_t;
typedef long clock_t;
typedef long long ktime_t;
typedef unsigned long phys_addr_t;
typedef unsigned long dma_addr_t;
typedef unsigned long resource_size_t;
typedef unsigned long sector_t;
typedef unsigned long blkcnt_t;
typedef unsigned long pgoff_t;
typedef unsigned long irq_hw_number_t;
typedef unsigned long __kernel_ulong_t;
typedef long __kernel_long_t;
typedef unsigned int __poll_t;
typedef unsigned int vm_fault_t;
typedef int irqreturn_t;
typedef int __kernel_pid_t;
typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;
typedef struct { long long counter; } atomic64_t;
typedef struct { atomic_t refs; } refcount_t;
typedef struct { unsigned int lock; } arch_spinlock_t;
typedef struct raw_spinlock { arch_spinlock_t raw_lock; } raw_spinlock_t;
typedef struct spinlock { raw_spinlock_t rlock; } spinlock_t;
typedef struct { raw_spinlock_t rlock; } hard_spinlock_t;
typedef struct { arch_spinlock_t raw_lock; } rwlock_t;
typedef struct { unsigned int sequence; } seqcount_t;
typedef struct { seqcount_t seqcount; spinlock_t lock; } seqlock_t;
typedef struct { unsigned long bits[1]; } cpumask_t;
typedef struct { unsigned long bits[1]; } nodemask_t;
typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;
typedef struct { uid_t val; } kuid_t;
typedef struct { gid_t val; } kgid_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pgd; } pgd_t;
typedef unsigned long pteval_t;
typedef unsigned long cycles_t;
typedef int (*initcall_t)(void);

#define NULL ((void *)0)
#define offsetof(TYPE, MEMBER) ((size_t)&((TYPE *)0)->MEMBER)
