package io.github.dovelint.rules.hookcontext;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookLockImbalanceTest {

    @TempDir
    Path tmp;

    private static final String HOOK = "void install_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";

    private Check check(String source) {
        return Check.in(tmp).only("DL106").file("a.c", source);
    }

    @Test
    void earlyReturnLeavesTheLockHeld() throws Exception {
        var r = check("""
                static DEFINE_HARD_SPINLOCK(l);
                """ + HOOK + """
                {
                	unsigned long flags;
                	raw_spin_lock_irqsave(&l, flags); /* expect: DL106 */
                	if (!file->oob_data)
                		return;
                	raw_spin_unlock_irqrestore(&l, flags);
                }
                """).verify();
        assertTrue(r.findings().get(0).message().contains("the return at line 7"), r.findings().toString());
    }

    @Test
    void balancedVariantsTrylockAndGotoOutAreFine() throws Exception {
        check("""
                static DEFINE_SPINLOCK(l);
                static DEFINE_MUTEX(m);
                """ + HOOK + """
                {
                	unsigned long flags;
                	spin_lock_irqsave(&l, flags);
                	if (!file->oob_data)
                		goto out;
                	spin_lock_bh(&files->x);
                	spin_unlock_bh(&files->x);
                out:
                	spin_unlock_irqrestore(&l, flags);
                	if (spin_trylock(&l)) {
                		work();
                		spin_unlock(&l);
                	}
                	if (!raw_spin_trylock(&l))
                		return;
                	raw_spin_unlock(&l);
                	hard_local_irq_save(flags);
                	preempt_disable();
                	rcu_read_lock();
                	rcu_read_unlock();
                	preempt_enable();
                	hard_local_irq_restore(flags);
                	if (mutex_lock_interruptible(&m))
                		return;
                	mutex_unlock(&m);
                	if (down_trylock(&sem) == 0)
                		up(&sem);
                	do {
                		spin_lock(&l);
                		spin_unlock(&l);
                	} while (0);
                }
                """).verify();
    }

    @Test
    void strayReleaseOnAPathThatSkippedTheLock() throws Exception {
        check("""
                static DEFINE_SPINLOCK(l);
                """ + HOOK + """
                {
                	if (!file->oob_data)
                		goto out;
                	spin_lock(&l);
                	work();
                out:
                	spin_unlock(&l); /* expect: DL106 */
                }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	rcu_read_unlock(); /* expect: DL106 */
                }
                """).verify();
    }

    @Test
    void loopsSwitchAndEveryFamily() throws Exception {
        check("""
                """ + HOOK + """
                {
                	int i;
                	for (i = 0; i < 4; i++) {
                		mutex_lock(&m[i]); /* expect: DL106 */
                		if (i == 2)
                			break;
                		mutex_unlock(&m[i]);
                	}
                	switch (fd) {
                	case 1:
                		down_read(&sem);
                		up_read(&sem);
                		break;
                	case 2:
                		read_lock(&rw); /* expect: DL106 */
                		break;
                	default:
                		local_irq_disable(); /* expect: DL106 */
                	}
                	while (fd--) {
                		down(&s);
                		up(&s);
                	}
                	preempt_disable(); /* expect: DL106 */
                	if (fd)
                		preempt_enable();
                }
                void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	int locked = file->oob_data != NULL;
                	struct evl_file *ctx = file->oob_data;
                	if (locked)
                		spin_lock(&l);
                	if (ctx)
                		rcu_read_lock();
                	work(fd);
                	if (ctx != NULL)
                		rcu_read_unlock();
                	if (locked)
                		spin_unlock(&l);
                	if (fd > 3)
                		preempt_disable(); /* expect: DL106 */
                	fd = 0; /* the outcome of the test above is forgotten */
                	if (fd > 3)
                		preempt_enable(); /* expect: DL106 */
                }
                """).verify();
    }

    @Test
    void helpersAndMacrosThatLockOrUnlock() throws Exception {
        check("""
                static DEFINE_HARD_SPINLOCK(fd_index_lock);
                #define LOCK_INDEX(f) raw_spin_lock_irqsave(&fd_index_lock, f)
                #define UNLOCK_INDEX(f) raw_spin_unlock_irqrestore(&fd_index_lock, f)
                static void lock_ctx(struct ctx *c) { spin_lock(&c->lock); }
                static void unlock_ctx(struct ctx *c) { spin_unlock(&c->lock); }
                static unsigned long lock_index(void)
                {
                	unsigned long flags;
                	raw_spin_lock_irqsave(&fd_index_lock, flags);
                	return flags;
                }
                static void unlock_index(unsigned long flags)
                {
                	raw_spin_unlock_irqrestore(&fd_index_lock, flags);
                }
                static void maybe_lock(int x) { if (x) spin_lock(&other); }
                """ + HOOK + """
                {
                	struct ctx *ctx = file->oob_data;
                	unsigned long flags;
                	if (!ctx)
                		return;
                	lock_ctx(ctx); /* expect: DL106 */
                	flags = lock_index(); /* expect: DL106 */
                	if (fd > 10)
                		return;
                	unlock_index(flags);
                	unlock_ctx(ctx);
                	LOCK_INDEX(flags);
                	UNLOCK_INDEX(flags);
                	maybe_lock(fd);
                	lock_ctx(ctx); /* expect: DL106 */
                }
                void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	unlock_index(0); /* expect: DL106 */
                }
                """).verify();
    }

    @Test
    void recursiveHelpersTerminate() throws Exception {
        check("""
                static void a(int n);
                static void b(int n) { if (n) a(n - 1); }
                static void a(int n) { spin_lock(&l); b(n); spin_unlock(&l); }
                """ + HOOK + """
                {
                	a(3);
                }
                """).verify();
    }

    @Test
    void irqAndBhVariantsPairWithTheSeparateStateCalls() throws Exception {
        check("""
                static DEFINE_SPINLOCK(l);
                """ + HOOK + """
                {
                	unsigned long flags;
                	spin_lock_irqsave(&l, flags);
                	spin_unlock(&l);
                	local_irq_restore(flags);
                	local_irq_save(flags);
                	spin_lock(&l);
                	spin_unlock_irqrestore(&l, flags);
                	if (spin_trylock_irqsave(&l, flags))
                		spin_unlock_irqrestore(&l, flags);
                	spin_lock_bh(&l);
                	spin_unlock(&l);
                	local_bh_enable();
                	spin_lock_irq(&l); /* expect: DL106 */
                	spin_unlock(&l);
                }
                void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	unsigned long flags;
                	spin_lock(&l);
                	spin_unlock_irqrestore(&l, flags); /* expect: DL106 */
                }
                """).verify();
    }
}
