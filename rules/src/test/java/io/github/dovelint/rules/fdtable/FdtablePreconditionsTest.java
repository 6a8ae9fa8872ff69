package io.github.dovelint.rules.fdtable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DL301 as the contract is written: the last reference's owner, helpers whose precondition is their
 * callers', checked at each call site and passed up the callers.
 */
class FdtablePreconditionsTest {

    @TempDir
    Path tmp;

    private Check check(String source) {
        return Check.in(tmp).only("DL301").file("a.c", source);
    }

    @Test
    void theLastReferencesOwnerNeedsNoLock() throws Exception {
        check("""
                static void walk(struct files_struct *files)
                {
                	struct fdtable *fdt = rcu_dereference_raw(files->fdt);
                	struct file *f = fdt->fd[0];
                }
                void put(struct files_struct *files)
                {
                	if (atomic_dec_and_test(&files->count))
                		walk(files);
                }
                void put_ref(struct files_struct *files)
                {
                	if (!refcount_dec_and_test(&files->refs))
                		return;
                	walk(files);
                	files_fdtable(files)->fd[1] = NULL;
                }
                void put_other(struct files_struct *files, struct files_struct *other)
                {
                	if (atomic_dec_and_test(&files->count))
                		walk(other); /* expect: DL301 "calls walk()" */
                }
                void put_late(struct files_struct *files)
                {
                	int last = atomic_dec_and_test(&files->count);
                	if (last)
                		walk(files); /* expect: DL301 "calls walk()" */
                }
                void put_after(struct files_struct *files)
                {
                	if (atomic_dec_and_test(&files->count)) {
                		files = current->files;
                		walk(files); /* expect: DL301 "calls walk()" */
                	}
                }
                """).verify();
    }

    @Test
    void aDocumentedPreconditionIsTheCallersToMeet() throws Exception {
        check("""
                /* Must be called with files->file_lock held. */
                struct file *first_locked(struct files_struct *files)
                {
                	return files_fdtable(files)->fd[0];
                }
                struct file *first_rcu(struct files_struct *files)
                {
                	/* Context: the caller is inside rcu_read_lock(). */
                	return files_fdtable(files)->fd[0];
                }
                struct file *first(struct files_struct *files)
                {
                	return files_fdtable(files)->fd[0]; /* expect: DL301 */
                }
                /* Takes files->file_lock itself. */
                struct file *first_takes(struct files_struct *files)
                {
                	return files_fdtable(files)->fd[0]; /* expect: DL301 */
                }
                """).verify();
    }

    @Test
    void callersAreFollowedUpTheChain() throws Exception {
        AnalysisResult result = check("""
                /* Context: files->file_lock held by the caller. */
                static struct file *slot(struct files_struct *files, unsigned int fd)
                {
                	return files_fdtable(files)->fd[fd];
                }
                static struct file *slot_again(struct files_struct *files, unsigned int fd)
                {
                	return slot(files, fd);
                }
                static struct file *middle(struct files_struct *files, unsigned int fd)
                {
                	return slot_again(files, fd);
                }
                struct file *top(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	spin_lock(&files->file_lock);
                	f = middle(files, fd);
                	spin_unlock(&files->file_lock);
                	return f;
                }
                struct file *under_rcu(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	rcu_read_lock();
                	f = slot_again(files, fd);
                	rcu_read_unlock();
                	return f;
                }
                struct file *careless(struct files_struct *files, unsigned int fd)
                {
                	return slot(files, fd); /* expect: DL301 "careless(): calls slot()" */
                }
                struct file *too_far(struct files_struct *files, unsigned int fd)
                {
                	return slot_again(files, fd);
                }
                """).verify();
        Finding f = result.findings().stream().filter(x -> x.function().equals("careless")).findFirst().orElseThrow();
        CallChain chain = f.chains().get(0);
        assertEquals(List.of("careless() is the entry point", "careless() calls slot()"),
                chain.steps().stream().limit(2).map(ChainStep::description).toList());
        assertEquals(4, chain.steps().get(2).location().line(), "the chain ends at the read");
        // too_far() holds nothing either, but it is two callers above the read: beyond what the
        // rule looks at (Sections.CALLER_LEVELS), its own callers get the benefit of the doubt
        assertEquals(2, Sections.CALLER_LEVELS, "the test's shapes are drawn for two levels");
    }

    @Test
    void aCallerThatDropsTheProtectionBreaksItItself() throws Exception {
        check("""
                /* Must be called with files->file_lock held. */
                static struct file *slot(struct files_struct *files, unsigned int fd)
                {
                	return files_fdtable(files)->fd[fd];
                }
                /* Must be called with files->file_lock held. */
                static struct file *slot_unlocked(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	spin_unlock(&files->file_lock);
                	f = slot(files, fd); /* expect: DL301 "even when its own caller holds" */
                	spin_lock(&files->file_lock);
                	return f;
                }
                struct file *get(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	spin_lock(&files->file_lock);
                	f = slot_unlocked(files, fd);
                	spin_unlock(&files->file_lock);
                	return f;
                }
                """).verify();
    }

    @Test
    void anExportedHelperThatSaysNothingAnswersForItsCallers() throws Exception {
        check("""
                struct file *peek(struct files_struct *files, unsigned int fd)
                {
                	return files_fdtable(files)->fd[fd]; /* expect: DL301 */
                }
                struct file *peek_locked(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	spin_lock(&files->file_lock);
                	f = peek(files, fd);
                	spin_unlock(&files->file_lock);
                	return f;
                }
                void careless(struct files_struct *files)
                {
                	peek(files, 0);
                }
                struct file *quiet(struct files_struct *files, unsigned int fd)
                {
                	return files_fdtable(files)->fd[fd];
                }
                struct file *quiet_rcu(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	rcu_read_lock();
                	f = quiet(files, fd);
                	rcu_read_unlock();
                	return f;
                }
                """).verify();
    }

    @Test
    void eachCallSiteMayProtectInItsOwnWay() throws Exception {
        check("""
                static unsigned int size(struct files_struct *files)
                {
                	return files_fdtable(files)->max_fds;
                }
                unsigned int size_rcu(struct files_struct *files)
                {
                	unsigned int n;
                	rcu_read_lock();
                	n = size(files);
                	rcu_read_unlock();
                	return n;
                }
                unsigned int size_locked(struct files_struct *files)
                {
                	unsigned int n;
                	spin_lock(&files->file_lock);
                	n = size(files);
                	spin_unlock(&files->file_lock);
                	return n;
                }
                """).verify();
    }
}
