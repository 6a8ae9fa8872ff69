/*
 * dovelint prelude, part 1: kernel annotation, definition and iterator macros.
 *
 * Force-included (like gcc -include) before every parsed file, in every mode.
 * It plays the role of Coccinelle's macro file: without it, kernel code that
 * uses these macros does not parse into proper statements when the kernel
 * headers are absent. Real headers, when given, are read after this file, so
 * their own definitions win.
 *
 * Rules for this file:
 *  - Never define real kernel functions (kmalloc, mutex_lock, spin_lock*,
 *    rcu_read_lock, rcu_dereference*, msleep, copy_*_user, fget, might_sleep,
 *    ...) nor the identifier `current`: the checkers must see those calls.
 *  - Helpers introduced here start with __dl_ so they never look like kernel
 *    calls (see Prelude.isHelper).
 *  - Iterator macros expand to a `for (...)` header whose body is the
 *    statement after the macro, and evaluate each expression argument once
 *    (so calls in them stay visible); member names are never evaluated.
 *  - Nothing here may declare an identifier that kernel headers declare as a
 *    non-macro (typedefs, enumerators, functions): types go in prelude-types.h.
 */

/* ---- helpers (declared, never defined) ---- */
void *__dl_iter_first(const void *, ...);
void *__dl_iter_next(const void *, ...);
void *__dl_container_of(const void *, ...);
int __dl_index_first(const void *, ...);
int __dl_index_next(const void *, ...);
int __dl_index_count(void);
int __dl_scope_enter(const char *, ...);
int __dl_scope_enter_cond(const char *, ...);
int (*__dl_guard(const char *))();
typedef struct { void *file; unsigned long word; unsigned int flags; } __dl_class_t;
__dl_class_t (*__dl_class(const char *))();
void *__dl_no_free_ptr(const void *);
extern int __dl_marker;

/* ---- sparse and compiler annotations ---- */
#define __user
#define __kernel
#define __iomem
#define __rcu
#define __percpu
#define __force
#define __nocast
#define __safe
#define __private
#define __bitwise
#define __must_check __attribute__((warn_unused_result))
#define __weak __attribute__((weak))
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __ref
#define __refdata
#define __read_mostly
#define __ro_after_init
#define __always_inline inline
#define noinline __attribute__((noinline))
#define noinline_for_stack noinline
#define __cold __attribute__((cold))
#define __hot __attribute__((hot))
#define __pure __attribute__((pure))
#define __const __attribute__((const))
#define __maybe_unused __attribute__((unused))
#define __always_unused __attribute__((unused))
#define __used __attribute__((used))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __cacheline_aligned __attribute__((aligned(64)))
#define ____cacheline_aligned __attribute__((aligned(64)))
#define __cacheline_aligned_in_smp __attribute__((aligned(64)))
#define ____cacheline_aligned_in_smp __attribute__((aligned(64)))
#define __must_hold(x) __attribute__((context(x, 1, 1)))
#define __acquires(x) __attribute__((context(x, 0, 1)))
#define __releases(x) __attribute__((context(x, 1, 0)))
#define __cond_acquires(x) __attribute__((context(x, 0, -1)))
#define __acquire(x) ((void)0)
#define __release(x) ((void)0)
#define __cond_lock(x, c) (c)
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __scanf(a, b) __attribute__((format(scanf, a, b)))
#define __visible __attribute__((externally_visible))
#define asmlinkage
#define notrace
#define noinstr
#define __noinstr_section(x)
#define __section(x) __attribute__((section(x)))
#define __noreturn __attribute__((noreturn))
#define __no_sanitize_address
#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define __counted_by(m)
#define __nonstring
#define __deprecated
#define __malloc __attribute__((malloc))
#define __alloc_size(...)
#define __realloc_size(...)
#define __assume_aligned(...)
#define __naked
#define __flatten
#define __weak_alias(x)
#define __cleanup(f) __attribute__((cleanup(f)))
#define __stringify(x) #x
#define __same_type(a, b) 1
#define __is_constexpr(x) 0
#define fallthrough do {} while (0)
#define likely(x) (x)
#define unlikely(x) (x)

/* ---- export, module and initcall markers (file scope, followed by ';';
 * the initcalls end their own declaration because kernel code writes
 * `module_init(f)` both with and without a semicolon) ---- */
#define EXPORT_SYMBOL(x) extern __typeof__(x) x
#define EXPORT_SYMBOL_GPL(x) extern __typeof__(x) x
#define EXPORT_SYMBOL_NS(x, ns) extern __typeof__(x) x
#define EXPORT_SYMBOL_NS_GPL(x, ns) extern __typeof__(x) x
#define EXPORT_SYMBOL_GPL_FOR_MODULES(x, mods) extern __typeof__(x) x
#define MODULE_LICENSE(x) extern int __dl_marker
#define MODULE_AUTHOR(x) extern int __dl_marker
#define MODULE_DESCRIPTION(x) extern int __dl_marker
#define MODULE_ALIAS(x) extern int __dl_marker
#define MODULE_VERSION(x) extern int __dl_marker
#define MODULE_SOFTDEP(x) extern int __dl_marker
#define MODULE_IMPORT_NS(x) extern int __dl_marker
#define MODULE_FIRMWARE(x) extern int __dl_marker
#define MODULE_PARM_DESC(a, b) extern int __dl_marker
#define MODULE_DEVICE_TABLE(a, b) extern int __dl_marker
#define MODULE_INFO(tag, info) extern int __dl_marker
#define MODULE_ALIAS_FS(x) extern int __dl_marker
#define MODULE_ALIAS_CRYPTO(x) extern int __dl_marker
#define MODULE_ALIAS_MISCDEV(x) extern int __dl_marker
#define MODULE_ALIAS_CHARDEV(a, b) extern int __dl_marker
#define MODULE_ALIAS_CHARDEV_MAJOR(a) extern int __dl_marker
#define MODULE_ALIAS_BLOCKDEV_MAJOR(a) extern int __dl_marker
#define MODULE_ALIAS_NETPROTO(a) extern int __dl_marker
#define MODULE_ALIAS_NET_PF_PROTO(a, b) extern int __dl_marker
#define MODULE_ALIAS_GENL_FAMILY(a) extern int __dl_marker
#define module_init(f) extern __typeof__(f) f;
#define module_exit(f) extern __typeof__(f) f;
#define pure_initcall(f) extern __typeof__(f) f;
#define core_initcall(f) extern __typeof__(f) f;
#define postcore_initcall(f) extern __typeof__(f) f;
#define arch_initcall(f) extern __typeof__(f) f;
#define subsys_initcall(f) extern __typeof__(f) f;
#define fs_initcall(f) extern __typeof__(f) f;
#define rootfs_initcall(f) extern __typeof__(f) f;
#define device_initcall(f) extern __typeof__(f) f;
#define late_initcall(f) extern __typeof__(f) f;
#define late_initcall_sync(f) extern __typeof__(f) f;
#define early_initcall(f) extern __typeof__(f) f;
#define module_param(name, type, perm) extern __typeof__(name) name
#define module_param_named(n, name, type, perm) extern __typeof__(name) name
#define module_param_array(name, type, nump, perm) extern __typeof__(name) name
#define __setup(str, fn) extern __typeof__(fn) fn
#define early_param(str, fn) extern __typeof__(fn) fn
#define module_platform_driver(d) extern __typeof__(d) d
#define module_misc_device(d) extern __typeof__(d) d

/* ---- compile-time assertions ---- */
#define BUILD_BUG_ON(x) ((void)sizeof(char[1 - 2 * !!(x)]))
#define BUILD_BUG_ON_MSG(x, msg) BUILD_BUG_ON(x)
#define BUILD_BUG_ON_ZERO(x) 0
#define BUILD_BUG() ((void)0)
#define static_assert(expr, ...) extern int __dl_marker
#define _Static_assert(expr, ...) extern int __dl_marker

/* ---- configuration tests (kconfig.h) ----
 * IS_ENABLED(CONFIG_X) and friends are 1 when the option is defined as 1 (as
 * -D CONFIG_X, or the configuration-aware pass, define it) and 0 otherwise,
 * in #if and in C alike. The option's value is pasted onto __dl_one_: only
 * __dl_one_1 is a macro, and its expansion (a comma) shifts the 1 into
 * __dl_second()'s pick. Modules count as built in (CONFIG_X_MODULE). */
#define __dl_one_1 ~,
#define __dl_second(a, b, ...) b
#define __dl_set_b(probe) __dl_second(probe 1, 0)
#define __dl_set_a(value) __dl_set_b(__dl_one_##value)
#define __dl_set(option) __dl_set_a(option)
#ifndef IS_ENABLED
#define IS_BUILTIN(option) __dl_set(option)
#define IS_MODULE(option) __dl_set(option##_MODULE)
#define IS_ENABLED(option) (__dl_set(option) || __dl_set(option##_MODULE))
#define IS_REACHABLE(option) IS_ENABLED(option)
#endif

/* ---- value macros that take types or member names ---- */
#define container_of(ptr, type, member) ((type *)__dl_container_of(ptr))
#define container_of_const(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_entry(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_first_entry(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_last_entry(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_first_entry_or_null(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_next_entry(pos, member) ((__typeof__(pos))__dl_iter_next(pos))
#define list_prev_entry(pos, member) ((__typeof__(pos))__dl_iter_next(pos))
#define list_entry_rcu(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_first_or_null_rcu(ptr, type, member) ((type *)__dl_container_of(ptr))
#define list_next_or_null_rcu(head, ptr, type, member) ((type *)__dl_container_of(ptr))
#define hlist_entry(ptr, type, member) ((type *)__dl_container_of(ptr))
#define hlist_entry_safe(ptr, type, member) ((type *)__dl_container_of(ptr))
#define llist_entry(ptr, type, member) ((type *)__dl_container_of(ptr))
#define rb_entry(ptr, type, member) ((type *)__dl_container_of(ptr))
#define rb_entry_safe(ptr, type, member) ((type *)__dl_container_of(ptr))
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define READ_ONCE(x) (x)
#define WRITE_ONCE(x, v) ((x) = (v))
#define ACCESS_ONCE(x) (x)
#define data_race(x) (x)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min3(a, b, c) min(min(a, b), c)
#define max3(a, b, c) max(max(a, b), c)
#define min_t(type, a, b) ((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b) ((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define min_not_zero(a, b) min(a, b)
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define clamp_t(type, v, lo, hi) min_t(type, max_t(type, v, lo), hi)
#define clamp_val(v, lo, hi) clamp(v, lo, hi)
#define swap(a, b) do { __typeof__(a) __dl_tmp = (a); (a) = (b); (b) = __dl_tmp; } while (0)
#define per_cpu(var, cpu) (*(__typeof__(&(var)))__dl_container_of(&(var), cpu))
#define per_cpu_ptr(ptr, cpu) ((__typeof__(ptr))__dl_container_of(ptr, cpu))
#define this_cpu_ptr(ptr) ((__typeof__(ptr))__dl_container_of(ptr))
#define raw_cpu_ptr(ptr) ((__typeof__(ptr))__dl_container_of(ptr))
#define __this_cpu_read(var) (var)
#define this_cpu_read(var) (var)
#define __this_cpu_write(var, v) ((var) = (v))
#define this_cpu_write(var, v) ((var) = (v))
#define DECLARE_FLEX_ARRAY(type, name) type name[]

/* ---- definition macros: expand to real declarations ---- */
#define DEFINE_SPINLOCK(x) spinlock_t x
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x
#define DEFINE_HARD_SPINLOCK(x) hard_spinlock_t x
#define DEFINE_MUTEX(x) struct mutex x
#define DEFINE_RWLOCK(x) rwlock_t x
#define DEFINE_SEQLOCK(x) seqlock_t x
#define DECLARE_RWSEM(x) struct rw_semaphore x
#define DEFINE_SEMAPHORE(x, ...) struct semaphore x
#define DEFINE_SRCU(x) struct srcu_struct x
#define DEFINE_STATIC_SRCU(x) static struct srcu_struct x
#define DECLARE_WAIT_QUEUE_HEAD(x) struct wait_queue_head x
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(x) struct wait_queue_head x
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name
#define DEFINE_WAIT(name) struct wait_queue_entry name
#define DEFINE_WAIT_FUNC(name, fn) struct wait_queue_entry name
#define DECLARE_COMPLETION(x) struct completion x
#define DECLARE_COMPLETION_ONSTACK(x) struct completion x
#define DEFINE_IDR(x) struct idr x
#define DEFINE_IDA(x) struct ida x
#define DEFINE_XARRAY(x) struct xarray x
#define DEFINE_XARRAY_ALLOC(x) struct xarray x
#define DEFINE_XARRAY_ALLOC1(x) struct xarray x
#define DEFINE_XARRAY_FLAGS(x, f) struct xarray x
#define DEFINE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define DEFINE_READ_MOSTLY_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define LIST_HEAD(x) struct list_head x
#define HLIST_HEAD(x) struct hlist_head x
#define LLIST_HEAD(x) struct llist_head x
#define DEFINE_LLIST(x) struct llist_head x
#define DEFINE_PER_CPU(type, name) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) __typeof__(type) name
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) __typeof__(type) name
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) __typeof__(type) name
#define DEFINE_STATIC_KEY_FALSE(x) struct static_key_false x
#define DEFINE_STATIC_KEY_TRUE(x) struct static_key_true x
#define DECLARE_STATIC_KEY_FALSE(x) extern struct static_key_false x
#define DECLARE_STATIC_KEY_TRUE(x) extern struct static_key_true x
#define DECLARE_BITMAP(name, bits) unsigned long name[((bits) + 8 * sizeof(long) - 1) / (8 * sizeof(long))]
#define DEFINE_RATELIMIT_STATE(name, interval, burst) struct ratelimit_state name
#define DECLARE_WORK(n, f) struct work_struct n; extern __typeof__(f) f
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n; extern __typeof__(f) f
#define DEFINE_TIMER(n, f) struct timer_list n; extern __typeof__(f) f
#define DEFINE_STATIC_PERCPU_RWSEM(x) static struct percpu_rw_semaphore x
#define DEFINE_PERCPU_RWSEM(x) struct percpu_rw_semaphore x

/* ---- scope-based cleanup (cleanup.h) ----
 * Each construct becomes a call of a __dl_ helper that carries the class
 * name as a string, with the use's own arguments evaluated as arguments (so
 * calls in them stay visible). dovelint's facts layer (ScopeCleanups,
 * CfgBuilder) turns these into the class's acquire call and a release call on
 * every way out of the scope (see GuardClasses for what each class means).
 *  - guard(mutex)(&m);           -> __dl_guard("mutex")(&m);
 *  - CLASS(fd, f)(fd);           -> __dl_class_t f = __dl_class("fd")(fd);
 *  - scoped_guard(c, args) S     -> a for statement run once, S its body
 *  - scoped_cond_guard(c, fail, args) S: the same, S under "else" of a test
 *    whose "then" is the fail statement
 *  - T *p __free(kfree) = ...;   -> the attribute __dl_free_kfree on p
 *  - no_free_ptr(p), return_ptr(p): __dl_no_free_ptr(p), whose value is p;
 *    the statement then stores NULL in p (as the kernel's does), so p's
 *    cleanup frees nothing on the ways out after it (return_ptr's own return
 *    does not free p either)
 * The kernel's scoped_guard is a for statement too: break and continue in
 * its body leave the guarded scope. */
#define scoped_guard(_name, ...) \
    for (int __dl_scope = __dl_scope_enter(#_name, ##__VA_ARGS__); __dl_scope; __dl_scope = 0)
#define scoped_cond_guard(_name, _fail, ...) \
    for (int __dl_scope = __dl_scope_enter_cond(#_name, ##__VA_ARGS__); __dl_scope; __dl_scope = 0) \
        if (!__dl_scope) { _fail; } else
#define guard(_name) __dl_guard(#_name)
#define CLASS(_name, var) __dl_class_t var = __dl_class(#_name)
#define __free(_name) __attribute__((__dl_free_##_name))
#define no_free_ptr(p) __dl_no_free_ptr(p)
#define return_ptr(p) return __dl_no_free_ptr(p)

/* ---- list.h ---- */
#define list_for_each(pos, head) \
    for ((pos) = __dl_iter_first(head); (pos); (pos) = __dl_iter_next(pos))
#define list_for_each_prev(pos, head) list_for_each(pos, head)
#define list_for_each_rcu(pos, head) list_for_each(pos, head)
#define list_for_each_continue(pos, head) list_for_each(pos, head)
#define list_for_each_safe(pos, n, head) \
    for ((pos) = __dl_iter_first(head), (n) = __dl_iter_next(pos); (pos); (pos) = (n), (n) = __dl_iter_next(n))
#define list_for_each_prev_safe(pos, n, head) list_for_each_safe(pos, n, head)
#define list_for_each_entry(pos, head, member) \
    for ((pos) = __dl_iter_first(head); (pos); (pos) = __dl_iter_next(pos))
#define list_for_each_entry_reverse(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_continue(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_continue_reverse(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_continue_rcu(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_from(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_from_reverse(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_from_rcu(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_lockless(pos, head, member) list_for_each_entry(pos, head, member)
#define list_for_each_entry_rcu(pos, head, member, ...) \
    for ((pos) = __dl_iter_first(head, ##__VA_ARGS__); (pos); (pos) = __dl_iter_next(pos))
#define list_for_each_entry_srcu(pos, head, member, cond) \
    for ((pos) = __dl_iter_first(head, cond); (pos); (pos) = __dl_iter_next(pos))
#define list_for_each_entry_safe(pos, n, head, member) \
    for ((pos) = __dl_iter_first(head), (n) = __dl_iter_next(pos); (pos); (pos) = (n), (n) = __dl_iter_next(n))
#define list_for_each_entry_safe_reverse(pos, n, head, member) list_for_each_entry_safe(pos, n, head, member)
#define list_for_each_entry_safe_continue(pos, n, head, member) list_for_each_entry_safe(pos, n, head, member)
#define list_for_each_entry_safe_from(pos, n, head, member) list_for_each_entry_safe(pos, n, head, member)

/* ---- hlist, llist, plist, rbtree ---- */
#define hlist_for_each(pos, head) list_for_each(pos, head)
#define hlist_for_each_safe(pos, n, head) list_for_each_safe(pos, n, head)
#define hlist_for_each_entry(pos, head, member) list_for_each_entry(pos, head, member)
#define hlist_for_each_entry_continue(pos, member) \
    for ((pos) = __dl_iter_next(pos); (pos); (pos) = __dl_iter_next(pos))
#define hlist_for_each_entry_from(pos, member) \
    for (; (pos); (pos) = __dl_iter_next(pos))
#define hlist_for_each_entry_rcu(pos, head, member, ...) \
    list_for_each_entry_rcu(pos, head, member, ##__VA_ARGS__)
#define hlist_for_each_entry_rcu_bh(pos, head, member) list_for_each_entry(pos, head, member)
#define hlist_for_each_entry_rcu_notrace(pos, head, member) list_for_each_entry(pos, head, member)
#define hlist_for_each_entry_srcu(pos, head, member, cond) list_for_each_entry_srcu(pos, head, member, cond)
#define hlist_for_each_entry_safe(pos, n, head, member) list_for_each_entry_safe(pos, n, head, member)
#define hlist_nulls_for_each_entry(tpos, pos, head, member) \
    for ((pos) = __dl_iter_first(head), (tpos) = __dl_container_of(pos); (pos); (pos) = __dl_iter_next(pos))
#define hlist_nulls_for_each_entry_rcu(tpos, pos, head, member) \
    hlist_nulls_for_each_entry(tpos, pos, head, member)
#define llist_for_each(pos, node) \
    for ((pos) = __dl_iter_first(node); (pos); (pos) = __dl_iter_next(pos))
#define llist_for_each_safe(pos, n, node) list_for_each_safe(pos, n, node)
#define llist_for_each_entry(pos, node, member) list_for_each_entry(pos, node, member)
#define llist_for_each_entry_safe(pos, n, node, member) list_for_each_entry_safe(pos, n, node, member)
#define plist_for_each(pos, head) list_for_each(pos, head)
#define plist_for_each_safe(pos, n, head) list_for_each_safe(pos, n, head)
#define plist_for_each_entry(pos, head, mem) list_for_each_entry(pos, head, mem)
#define plist_for_each_entry_safe(pos, n, head, m) list_for_each_entry_safe(pos, n, head, m)
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field) \
    list_for_each_entry_safe(pos, n, root, field)

/* ---- hashtable.h ---- */
#define hash_for_each(name, bkt, obj, member) \
    for ((bkt) = 0, (obj) = __dl_iter_first(name); (obj); (obj) = __dl_iter_next(obj))
#define hash_for_each_rcu(name, bkt, obj, member) hash_for_each(name, bkt, obj, member)
#define hash_for_each_safe(name, bkt, tmp, obj, member) \
    for ((bkt) = 0, (obj) = __dl_iter_first(name), (tmp) = __dl_iter_next(obj); (obj); \
         (obj) = (tmp), (tmp) = __dl_iter_next(tmp))
#define hash_for_each_possible(name, obj, member, key) \
    for ((obj) = __dl_iter_first(name, key); (obj); (obj) = __dl_iter_next(obj))
#define hash_for_each_possible_rcu(name, obj, member, key, ...) \
    for ((obj) = __dl_iter_first(name, key, ##__VA_ARGS__); (obj); (obj) = __dl_iter_next(obj))
#define hash_for_each_possible_rcu_notrace(name, obj, member, key) hash_for_each_possible(name, obj, member, key)
#define hash_for_each_possible_safe(name, obj, tmp, member, key) \
    for ((obj) = __dl_iter_first(name, key), (tmp) = __dl_iter_next(obj); (obj); \
         (obj) = (tmp), (tmp) = __dl_iter_next(tmp))

/* ---- cpus, nodes, bits ---- */
#define for_each_cpu(cpu, mask) \
    for ((cpu) = __dl_index_first(mask); (cpu) >= 0; (cpu) = __dl_index_next(mask, cpu))
#define for_each_cpu_wrap(cpu, mask, start) \
    for ((cpu) = __dl_index_first(mask, start); (cpu) >= 0; (cpu) = __dl_index_next(mask, cpu))
#define for_each_cpu_and(cpu, mask1, mask2) \
    for ((cpu) = __dl_index_first(mask1, mask2); (cpu) >= 0; (cpu) = __dl_index_next(mask1, mask2, cpu))
#define for_each_cpu_andnot(cpu, mask1, mask2) for_each_cpu_and(cpu, mask1, mask2)
#define for_each_cpu_not(cpu, mask) for_each_cpu(cpu, mask)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < __dl_index_count(); (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_node(node) for_each_possible_cpu(node)
#define for_each_online_node(node) for_each_possible_cpu(node)
#define for_each_node_state(node, state) \
    for ((node) = __dl_index_first(0, state); (node) >= 0; (node) = __dl_index_next(0, state, node))
#define for_each_node_mask(node, mask) for_each_cpu(node, &(mask))
#define for_each_set_bit(bit, addr, size) \
    for ((bit) = __dl_index_first(addr, size); (bit) < (size); (bit) = __dl_index_next(addr, size, bit))
#define for_each_clear_bit(bit, addr, size) for_each_set_bit(bit, addr, size)
#define for_each_set_bit_from(bit, addr, size) for_each_set_bit(bit, addr, size)
#define for_each_clear_bit_from(bit, addr, size) for_each_set_bit(bit, addr, size)

/* ---- tasks, memory, misc containers ---- */
#define for_each_process(p) \
    for ((p) = __dl_iter_first(0); (p); (p) = __dl_iter_next(p))
#define for_each_process_thread(p, t) \
    for ((p) = __dl_iter_first(0), (t) = __dl_iter_first(p); (t); (t) = __dl_iter_next(t))
#define for_each_thread(p, t) \
    for ((t) = __dl_iter_first(p); (t); (t) = __dl_iter_next(t))
#define for_each_zone(zone) \
    for ((zone) = __dl_iter_first(0); (zone); (zone) = __dl_iter_next(zone))
#define for_each_populated_zone(zone) for_each_zone(zone)
#define for_each_online_pgdat(pgdat) for_each_zone(pgdat)
#define for_each_sg(sglist, sg, nr, i) \
    for ((i) = 0, (sg) = __dl_iter_first(sglist, nr); (i) < (nr); (i)++, (sg) = __dl_iter_next(sg))
#define for_each_child_of_node(parent, child) \
    for ((child) = __dl_iter_first(parent); (child); (child) = __dl_iter_next(parent, child))
#define for_each_available_child_of_node(parent, child) for_each_child_of_node(parent, child)
#define xa_for_each(xa, index, entry) \
    for ((index) = 0, (entry) = __dl_iter_first(xa); (entry); (entry) = __dl_iter_next(xa, &(index)))
#define xa_for_each_start(xa, index, entry, start) \
    for ((index) = (start), (entry) = __dl_iter_first(xa); (entry); (entry) = __dl_iter_next(xa, &(index)))
#define xa_for_each_range(xa, index, entry, start, last) \
    for ((index) = (start), (entry) = __dl_iter_first(xa, last); (entry); (entry) = __dl_iter_next(xa, &(index)))
#define xa_for_each_marked(xa, index, entry, filter) \
    for ((index) = 0, (entry) = __dl_iter_first(xa, filter); (entry); (entry) = __dl_iter_next(xa, &(index)))
#define idr_for_each_entry(idr, entry, id) \
    for ((id) = 0, (entry) = __dl_iter_first(idr); (entry); (entry) = __dl_iter_next(idr, &(id)))
#define idr_for_each_entry_ul(idr, entry, tmp, id) \
    for ((id) = 0, (tmp) = 0, (entry) = __dl_iter_first(idr); (entry); (entry) = __dl_iter_next(idr, &(id)))
#define idr_for_each_entry_continue(idr, entry, id) \
    for ((entry) = __dl_iter_first(idr, &(id)); (entry); (entry) = __dl_iter_next(idr, &(id)))
#define radix_tree_for_each_slot(slot, root, iter, start) \
    for ((slot) = __dl_iter_first(root, iter, start); (slot); (slot) = __dl_iter_next(slot, iter))
#define radix_tree_for_each_tagged(slot, root, iter, start, tag) \
    for ((slot) = __dl_iter_first(root, iter, start, tag); (slot); (slot) = __dl_iter_next(slot, iter))
#define klist_for_each_entry(pos, head, member) list_for_each_entry(pos, head, member)

/* ioctl command numbers (uapi asm-generic/ioctl.h): drivers use them as case
 * labels, which must stay constant expressions for `switch` to parse. */
#define _IOC(dir, type, nr, size) (((dir) << 30) | ((size) << 16) | ((type) << 8) | (nr))
#define _IO(type, nr) _IOC(0U, (type), (nr), 0U)
#define _IOR(type, nr, argtype) _IOC(2U, (type), (nr), sizeof(argtype))
#define _IOW(type, nr, argtype) _IOC(1U, (type), (nr), sizeof(argtype))
#define _IOWR(type, nr, argtype) _IOC(3U, (type), (nr), sizeof(argtype))
#define _IOR_BAD(type, nr, argtype) _IOR(type, nr, argtype)
#define _IOW_BAD(type, nr, argtype) _IOW(type, nr, argtype)
#define _IOC_NR(nr) ((nr) & 0xff)
#define _IOC_TYPE(nr) (((nr) >> 8) & 0xff)
#define _IOC_SIZE(nr) (((nr) >> 16) & 0x3fff)
#define _IOC_DIR(nr) (((nr) >> 30) & 0x3)

/* Tracepoint definitions (include/linux/tracepoint.h, trace/define_trace.h):
 * a trace header is a list of TRACE_EVENT() blocks whose arguments are code
 * fragments (TP_PROTO, TP_STRUCT__entry, TP_printk), not C. They declare no
 * code dovelint checks, so each block becomes one harmless declaration;
 * the trace_foo() calls in .c files stay visible as calls. */
#define TRACE_EVENT(name, ...) extern int __dl_trace_event_##name
#define TRACE_EVENT_FN(name, ...) extern int __dl_trace_event_##name
#define TRACE_EVENT_FN_COND(name, ...) extern int __dl_trace_event_##name
#define TRACE_EVENT_CONDITION(name, ...) extern int __dl_trace_event_##name
#define DECLARE_EVENT_CLASS(name, ...) extern int __dl_trace_class_##name
#define DEFINE_EVENT(template, name, ...) extern int __dl_trace_event_##name
#define DEFINE_EVENT_FN(template, name, ...) extern int __dl_trace_event_##name
#define DEFINE_EVENT_PRINT(template, name, ...) extern int __dl_trace_event_##name
#define DEFINE_EVENT_CONDITION(template, name, ...) extern int __dl_trace_event_##name
#define DECLARE_TRACE(name, ...) extern int __dl_trace_event_##name
#define DECLARE_TRACE_CONDITION(name, ...) extern int __dl_trace_event_##name
#define TRACE_DEFINE_ENUM(a) extern int __dl_trace_enum
#define TRACE_DEFINE_SIZEOF(a) extern int __dl_trace_sizeof

/* printk log levels: string literals that code concatenates with the format
 * (printk(KERN_ERR "..." ...)), so they must be literals for the call to parse. */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

/* ---- more iterators met in real trees (xarray cursor, bio, scatterlist,
 * request) and section/attribute annotations ---- */
#define xas_for_each(xas, entry, max) \
    for ((entry) = __dl_iter_first(xas, max); (entry); (entry) = __dl_iter_next(entry))
#define xas_for_each_marked(xas, entry, max, mark) xas_for_each(xas, entry, max)
#define xas_for_each_conflict(xas, entry) \
    for ((entry) = __dl_iter_first(xas); (entry); (entry) = __dl_iter_next(entry))
#define bio_for_each_segment(bvl, bio, iter) \
    for ((iter) = *(__typeof__(&(iter)))__dl_iter_first(bio), (bvl) = *(__typeof__(&(bvl)))__dl_iter_first(bio); \
         __dl_iter_next(bio); )
#define bio_for_each_bvec(bvl, bio, iter) bio_for_each_segment(bvl, bio, iter)
#define bio_for_each_segment_all(bvl, bio, iter) \
    for ((bvl) = __dl_iter_first(bio, &(iter)); (bvl); (bvl) = __dl_iter_next(bvl))
#define bio_for_each_folio_all(fi, bio) for (__dl_iter_first(&(fi), bio); __dl_iter_next(&(fi)); )
#define rq_for_each_segment(bvl, rq, iter) bio_for_each_segment(bvl, rq, iter)
#define rq_for_each_bvec(bvl, rq, iter) bio_for_each_segment(bvl, rq, iter)
#define __rq_for_each_bio(bio, rq) \
    for ((bio) = __dl_iter_first(rq); (bio); (bio) = __dl_iter_next(bio))
#define for_each_sg(sglist, sg, nr, i) \
    for ((i) = 0, (sg) = (sglist); (i) < (nr); (i)++, (sg) = __dl_iter_next(sg))
#define for_each_sgtable_sg(sgt, sg, i) for_each_sg(__dl_iter_first(sgt), sg, 1, i)
#define __net_init
#define __net_exit
#define __net_initdata
#define __attribute_const__ __attribute__((__const__))
#define __ro_after_init
#define __initconst
#define __exitdata
#define __refdata
#define __nocast
#define __randomize_layout
#define __no_randomize_layout
#define __counted_by(member)
#define __nonstring
#define __noinline_for_stack
#define __sched
#define __lockfunc
#define __always_unused
#define alloc_percpu(type) ((type *)__dl_percpu_alloc(sizeof(type)))
#define alloc_percpu_gfp(type, gfp) ((type *)__dl_percpu_alloc(sizeof(type), gfp))
void *__dl_percpu_alloc(unsigned long, ...);
