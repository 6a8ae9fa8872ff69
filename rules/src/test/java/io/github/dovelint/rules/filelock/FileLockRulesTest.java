package io.github.dovelint.rules.filelock;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL102 hook-takes-file-lock and DL103 hook-asserts-file-lock. */
class FileLockRulesTest {

    @TempDir
    Path tmp;

    @Test
    void directLockAndUnlockAreTwoFindings() throws Exception {
        Check.in(tmp).file("a.c", Check.hooks("""
                	spin_lock(&files->file_lock); /* expect: DL102 */
                	spin_unlock(&files->file_lock); /* expect: DL102 */
                """, "", """
                	unsigned long flags;
                	spin_lock_irqsave(&(files->file_lock), flags); /* expect: DL102 */
                	spin_unlock_irqrestore(&(files->file_lock), flags); /* expect: DL102 */
                """)).verify();
    }

    @Test
    void otherLocksAndCodeOutsideHooksAreFine() throws Exception {
        Check.in(tmp).file("a.c", """
                struct evl { spinlock_t lock; };
                static DEFINE_SPINLOCK(own);
                static struct evl e;
                int count(struct files_struct *files)
                {
                	spin_lock(&files->file_lock);
                	spin_unlock(&files->file_lock);
                	lockdep_assert_held(&files->file_lock);
                	return 0;
                }
                """ + Check.hooks("""
                	spin_lock(&own);
                	spin_unlock(&own);
                	raw_spin_lock(&e.lock);
                	raw_spin_unlock(&e.lock);
                	lockdep_assert_held(&own);
                """, "", "")).verify();
    }

    @Test
    void throughHelperInAnotherFileMacroAliasAndFunctionPointer() throws Exception {
        Check.in(tmp)
                .file("h.h", """
                        #define LOCK_TABLE(f) spin_lock(&(f)->file_lock)
                        void lock_any(spinlock_t *l);
                        void take_table(struct files_struct *files);
                        """)
                .file("helpers.c", """
                        #include "h.h"
                        void lock_any(spinlock_t *l)
                        {
                        	spin_lock(l); /* expect: DL102 */
                        }
                        void take_table(struct files_struct *files)
                        {
                        	LOCK_TABLE(files); /* expect: DL102 */
                        }
                        """)
                .file("hooks.c", "#include \"h.h\"\n"
                        + "static void (*taker)(struct files_struct *) = take_table;\n"
                        + Check.hooks("""
                        	spinlock_t *l = &files->file_lock;
                        	spin_trylock(l); /* expect: DL102 */
                        """, """
                        	taker(files); /* expect: DL106 (and never released) */
                        """, """
                        	lock_any(&files->file_lock); /* expect: DL106 (and never released) */
                        """))
                .verify();
    }

    @Test
    void helperGivenAnotherLockIsFine() throws Exception {
        Check.in(tmp).file("a.c", """
                static DEFINE_SPINLOCK(own);
                static void lock_any(spinlock_t *l)
                {
                	spin_lock(l);
                }
                """ + Check.hooks("lock_any(&own);\n\tspin_unlock(&own);", "", "")).verify();
    }

    @Test
    void vfsHelpersThatTakeTheLock() throws Exception {
        Check.in(tmp).file("a.c", """
                static void helper(unsigned int fd)
                {
                	put_unused_fd(fd); /* expect: DL102, DL104 */
                }
                """ + Check.hooks("""
                	replace_fd(fd, file, 0); /* expect: DL101, DL102 */
                """, """
                	iterate_fd(files, 0, 0, 0); /* expect: DL102 */
                """, """
                	helper(fd);
                """)).verify();
    }

    @Test
    void assertionsInHooksAndCallees() throws Exception {
        Check.in(tmp).file("a.c", """
                static void check(struct files_struct *files)
                {
                	WARN_ON(!spin_is_locked(&files->file_lock)); /* expect: DL103 */
                }
                static void check_lock(spinlock_t *l)
                {
                	lockdep_assert_held(l); /* expect: DL103 */
                }
                """ + Check.hooks("""
                	lockdep_assert_held(&files->file_lock); /* expect: DL103 */
                	check(files);
                """, """
                	/* every call site of replace (do_dup2) holds file_lock: the spec says so */
                	assert_spin_locked(&files->file_lock);
                	BUG_ON(!spin_is_locked(&files->file_lock));
                """, """
                	check_lock(&files->file_lock);
                	if (spin_is_locked(&files->file_lock))
                		return;
                """)).verify();
    }
}
