package io.github.dovelint.rules;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases written from the hook contracts (docs/contracts.md) the way a kernel developer would write them, not from the samples. */
class AdversarialTest {

    @TempDir
    Path tmp;

    @Test
    void sleepAfterSpinUnlockIsStillInAtomicContext() throws Exception {
        Check.in(tmp).file("a.c", """
                #include <linux/spinlock.h>
                static DEFINE_SPINLOCK(lock);
                static struct mutex m;
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	spin_lock(&lock);
                	spin_unlock(&lock);
                	mutex_lock(&m); /* expect: DL101 */
                	mutex_unlock(&m);
                }
                """).verify();
    }

    @Test
    void conditionalMaskInAllocation() throws Exception {
        Check.in(tmp).file("a.c", """
                struct e { int x; };
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct e *e;
                	e = kmalloc(sizeof(*e), in_atomic() ? GFP_ATOMIC : GFP_KERNEL); /* expect: DL101 */
                	e = kmalloc(sizeof(*e), in_atomic() ? GFP_ATOMIC : GFP_NOWAIT);
                	kfree(e);
                }
                """).verify();
    }

    @Test
    void fileScopeStaticConstMask() throws Exception {
        Check.in(tmp).file("a.c", """
                static const gfp_t evl_gfp = GFP_KERNEL;
                static const gfp_t evl_atomic_gfp = GFP_ATOMIC | __GFP_NOWARN;
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	void *p = kmalloc(16, evl_gfp); /* expect: DL101 */
                	void *q = kmalloc(16, evl_atomic_gfp);
                	kfree(p);
                	kfree(q);
                }
                """).verify();
    }

    @Test
    void maskFromAMacro() throws Exception {
        Check.in(tmp).file("a.c", """
                #define EVL_GFP GFP_KERNEL
                #define EVL_GFP_OK (GFP_ATOMIC | __GFP_ZERO)
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	void *p = kmalloc(16, EVL_GFP); /* expect: DL101 */
                	void *q = kzalloc(16, EVL_GFP_OK);
                	kfree(p);
                	kfree(q);
                }
                """).verify();
    }

    @Test
    void opsTableDefinedInAnotherFile() throws Exception {
        Check.in(tmp)
                .file("ops.h", """
                        struct evl_ops { void (*attach)(unsigned int fd); void (*detach)(unsigned int fd); };
                        extern const struct evl_ops evl_fd_ops;
                        """)
                .file("ops.c", """
                        #include "ops.h"
                        static void do_attach(unsigned int fd)
                        {
                        	synchronize_rcu_expedited(); /* expect: DL101 */
                        }
                        static void do_detach(unsigned int fd)
                        {
                        }
                        const struct evl_ops evl_fd_ops = {
                        	.attach = do_attach,
                        	.detach = do_detach,
                        };
                        """)
                .file("hooks.c", """
                        #include "ops.h"
                        void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                        {
                        	evl_fd_ops.attach(fd);
                        }
                        void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                        {
                        	evl_fd_ops.detach(fd);
                        }
                        """).verify();
    }

    @Test
    void sleepInsideIteratorBodies() throws Exception {
        Check.in(tmp).file("a.c", """
                #include <linux/list.h>
                #include <linux/hashtable.h>
                struct ent { struct list_head next; struct hlist_node hash; unsigned int fd; struct mutex lock; };
                static LIST_HEAD(ents);
                static DEFINE_HASHTABLE(table, 6);
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct ent *e;
                	list_for_each_entry(e, &ents, next) {
                		mutex_lock(&e->lock); /* expect: DL101, DL106 */
                	}
                }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct ent *e;
                	hash_for_each_possible(table, e, hash, fd)
                		if (e->fd == fd)
                			cancel_work_sync(NULL); /* expect: DL101 */
                }
                """).verify();
    }

    @Test
    void theContractsListOfSleepers() throws Exception {
        Check.in(tmp).file("a.c", """
                static struct wait_queue_head wq;
                static int ready;
                static struct mutex m;
                static struct rw_semaphore sem;
                static struct work_struct w;
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	int v;
                	wait_event_interruptible(wq, ready); /* expect: DL101 */
                	if (mutex_lock_interruptible(&m)) /* expect: DL101, DL106 */
                		return;
                	down_read(&sem); /* expect: DL101, DL106 */
                	synchronize_rcu_expedited(); /* expect: DL101 */
                	cancel_work_sync(&w); /* expect: DL101 */
                	void *a = kvmalloc(64, GFP_KERNEL); /* expect: DL101 */
                	void *b = vmalloc(64); /* expect: DL101 */
                	get_user(v, (int __user *)a); /* expect: DL101 */
                	put_user(v, (int __user *)b); /* expect: DL101 */
                	might_sleep(); /* expect: DL101 */
                }
                """).verify();
    }

    @Test
    void copyToUserInUninstallIsBothRules() throws Exception {
        Check.in(tmp).file("a.c", """
                static int __user *uptr;
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	int v = fd;
                	if (copy_to_user(uptr, &v, sizeof(v))) /* expect: DL101, DL104 */
                		return;
                }
                """).verify();
    }

    @Test
    void fdApisInAHelperOfUninstall() throws Exception {
        Check.in(tmp).file("a.c", """
                static void forget(unsigned int fd)
                {
                	struct file *f = fget(fd); /* expect: DL104 */
                	struct fd g = fdget(fd); /* expect: DL104 */
                	rcu_read_lock();
                	f = lookup_fd_rcu(fd); /* expect: DL104 */
                	rcu_read_unlock();
                	close_fd(fd); /* expect: DL101, DL102, DL104 */
                }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	forget(fd);
                }
                """).verify();
    }

    @Test
    void getTaskMmOfCurrent() throws Exception {
        Check.in(tmp).file("a.c", """
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct mm_struct *mm = get_task_mm(current); /* expect: DL104 */
                	if (mm)
                		mmput(mm); /* expect: DL101 */
                }
                """).verify();
    }

    @Test
    void currentMmInAStaticInlineHeaderHelper() throws Exception {
        Check.in(tmp)
                .file("evl.h", """
                        static inline bool evl_owner_alive(void)
                        {
                        	return current->mm != NULL; /* expect: DL104 */
                        }
                        """)
                .file("a.c", """
                        #include "evl.h"
                        void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                        {
                        	if (!evl_owner_alive())
                        		return;
                        }
                        """)
                .file("b.c", """
                        #include "evl.h"
                        int evl_other(void)
                        {
                        	return evl_owner_alive();
                        }
                        """).verify();
    }

    @Test
    void currentFilesInInstallAndReplaceIsFine() throws Exception {
        Check.in(tmp).file("a.c", """
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct task_struct *t = current;
                	if (current->files != files || t->files != files || get_current()->mm == NULL)
                		return;
                	struct file *f = fget(fd);
                }
                void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	if (current->files != files)
                		return;
                	struct fd g = fdget(fd);
                }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	if (files == NULL || current->pid == 0)
                		return;
                }
                """).verify();
    }

    @Test
    void functionPointersCachedFromMembersTernariesAndFileScope() throws Exception {
        Check.in(tmp).file("a.c", """
                struct evl_fd_ops { void (*drop)(unsigned int fd); };
                static void drop_slow(unsigned int fd)
                {
                	msleep(1); /* expect: DL101 */
                }
                static void drop_wait(unsigned int fd)
                {
                	wait_for_completion(NULL); /* expect: DL101 */
                }
                static void drop_sync(unsigned int fd)
                {
                	synchronize_rcu(); /* expect: DL101 */
                }
                static void drop_fast(unsigned int fd)
                {
                }
                static const struct evl_fd_ops slow_ops = { .drop = drop_slow };
                static void (*default_drop)(unsigned int fd) = drop_sync;
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	const struct evl_fd_ops *ops = &slow_ops;
                	void (*cb)(unsigned int) = ops->drop;
                	void (*pick)(unsigned int) = fd > 2 ? drop_fast : drop_wait;
                	cb(fd);
                	pick(fd);
                	default_drop(fd);
                }
                """).verify();
    }

    @Test
    void theEvlKmemCacheBugAndItsFix() throws Exception {
        Check.in(tmp).file("a.c", """
                static struct kmem_cache *fd_cache;
                struct evl_fd { unsigned int fd; };
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct evl_fd *efd = kmem_cache_alloc(fd_cache, GFP_KERNEL); /* expect: DL101 */
                	kmem_cache_free(fd_cache, efd);
                }
                void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	struct evl_fd *efd = kmem_cache_alloc(fd_cache, GFP_ATOMIC);
                	kmem_cache_free(fd_cache, efd);
                }
                """).verify();
    }

    @Test
    void lockingHelpersThroughHeaderMacros() throws Exception {
        Check.in(tmp)
                .file("evl/lock.h", """
                        #define evl_lock_fdtable(m)	mutex_lock(m)
                        #define evl_wait_idle(wq, c)	do { if (!(c)) wait_event(wq, c); } while (0)
                        """)
                .file("a.c", """
                        #include "evl/lock.h"
                        static struct mutex fdt_mutex;
                        static struct wait_queue_head idle_wq;
                        static int idle;
                        void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                        {
                        	evl_lock_fdtable(&fdt_mutex); /* expect: DL101, DL106 */
                        	evl_wait_idle(idle_wq, idle); /* expect: DL101 */
                        }
                        """).verify();
    }
}
