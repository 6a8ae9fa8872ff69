package io.github.dovelint.facts;

import static io.github.dovelint.facts.CfgBuilderTest.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scope-based cleanups in the control-flow graph: the acquire where the guard
 * is written, the release on every way out of its scope (docs/contracts.md,
 * the lock state a hook hands back: #call-sites-and-entry-contexts).
 */
class ScopeCleanupsCfgTest {

    @TempDir
    Path tmp;

    private FunctionFacts f(String body) throws Exception {
        return TestRun.in(tmp).file("a.c", "int f(int a, int b, void *p)\n{\n" + body + "\n}\n").run()
                .function("f");
    }

    private List<String> cfg(String body) throws Exception {
        return paths(f(body).cfg());
    }

    @Test
    void fallingOffTheEndReleasesAtTheClosingBrace() throws Exception {
        FunctionFacts f = f("""
                guard(mutex)(a);
                one();""");
        assertEquals(List.of("mutex_lock() one() mutex_unlock()"), paths(f.cfg()));
        List<String> ops = f.lockOps().stream().map(o -> o.action() + " " + o.api() + " " + o.lock()).toList();
        assertEquals(List.of("ACQUIRE mutex_lock a", "RELEASE mutex_unlock a"), ops);
        CallFact release = f.calls().get(f.calls().size() - 1);
        assertEquals("guard(mutex)", release.macro());
        assertEquals(5, release.location().line(), "at the closing brace");
    }

    @Test
    void returnReleasesBeforeReturning() throws Exception {
        assertEquals(List.of("spin_lock() b! one() spin_unlock() ret", "spin_lock() b? spin_unlock() ret"), cfg("""
                guard(spinlock)(a);
                if (b)
                	return 1;
                one();
                return 0;"""));
    }

    @Test
    void gotoOutOfTheScopeReleasesButNotWithinIt() throws Exception {
        assertEquals(List.of("mutex_lock() b! one() mutex_unlock() two() three()",
                "mutex_lock() b? mutex_unlock() three()"), cfg("""
                {
                	guard(mutex)(a);
                	if (b)
                		goto out;
                	one();
                }
                two();
                out:
                three();"""));
        assertEquals(List.of("mutex_lock() b! one() two() mutex_unlock()", "mutex_lock() b? two() mutex_unlock()"),
                cfg("""
                guard(mutex)(a);
                if (b)
                	goto out;
                one();
                out:
                two();"""));
    }

    @Test
    void breakAndContinueReleaseTheLoopBodysGuards() throws Exception {
        List<String> paths = cfg("""
                while (a) {
                	guard(spinlock)(b);
                	if (p)
                		break;
                	if (one())
                		continue;
                	two();
                }
                three();""");
        assertTrue(paths.contains("a? spin_lock() p? spin_unlock() three()"), paths.toString());
        assertTrue(paths.contains("a? spin_lock() p! one() one()? spin_unlock() a! three()"), paths.toString());
        assertTrue(paths.contains("a? spin_lock() p! one() one()! two() spin_unlock() a! three()"), paths.toString());
        for (String path : paths) {
            assertEquals(count(path, "spin_lock()"), count(path, "spin_unlock()"), path);
        }
    }

    @Test
    void nestedScopesReleaseInnermostFirst() throws Exception {
        assertEquals(List.of("mutex_lock() spin_lock() b! one() spin_unlock() two() mutex_unlock()",
                "mutex_lock() spin_lock() b? spin_unlock() mutex_unlock() ret"), cfg("""
                guard(mutex)(a);
                {
                	guard(spinlock)(p);
                	if (b)
                		return 1;
                	one();
                }
                two();"""));
        assertEquals(List.of("rcu_read_lock() spin_lock_irqsave() one() spin_unlock_irqrestore() rcu_read_unlock()"),
                cfg("""
                guard(rcu)();
                guard(spinlock_irqsave)(p);
                one();"""));
    }

    @Test
    void scopedGuardHoldsForItsBody() throws Exception {
        assertEquals(List.of("make() mutex_lock() one() mutex_unlock() two()"), cfg("""
                scoped_guard(mutex, make()) {
                	one();
                }
                two();"""));
        assertEquals(List.of("spin_lock() b! one() spin_unlock() two()", "spin_lock() b? spin_unlock() two()"), cfg("""
                scoped_guard(spinlock, a) {
                	if (b)
                		break;
                	one();
                }
                two();"""));
    }

    @Test
    void scopedCondGuardRunsTheFailStatementWithoutTheLock() throws Exception {
        assertEquals(List.of("mutex_lock_interruptible() one() mutex_unlock() two() ret", "ret"), cfg("""
                scoped_cond_guard(mutex_intr, return -4, a) {
                	one();
                }
                two();
                return 0;"""));
    }

    @Test
    void classFdIsAnFdgetAndAnFdputOfTheVariable() throws Exception {
        FunctionFacts f = f("""
                CLASS(fd, fl)(a);
                one(fd_file(fl));""");
        assertEquals(List.of("fdget() fl= fd_file() one() fdput()"), paths(f.cfg()));
        CallFact put = f.calls().get(f.calls().size() - 1);
        assertEquals("fdput", ((Callee.Named) put.callee()).name());
        assertEquals("fl", put.arg(0).text());
        assertEquals("CLASS(fd)", put.macro());
    }

    @Test
    void freeAttributeCallsTheFreeFunctionWithTheVariable() throws Exception {
        FunctionFacts f = f("""
                void *q __free(kfree) = make(a);
                if (!q)
                	return 0;
                one(q);
                return 1;""");
        assertEquals(List.of("make() q= q! ret", "make() q= q? one() kfree() ret"), paths(f.cfg()),
                "q is NULL where the test returns: nothing to free");
        assertTrue(f.calls().stream().anyMatch(c -> c.callee() instanceof Callee.Named n && n.name().equals("kfree")
                && c.arg(0).text().equals("q") && "__free(kfree)".equals(c.macro())));
    }

    @Test
    void noFreePtrHandsThePointerOffAfterTheErrorPathsFreedIt() throws Exception {
        FunctionFacts f = f("""
                void *q __free(kfree) = make(a);
                void *out;
                if (b)
                	return 0;
                out = no_free_ptr(q);
                keep(out);
                return 1;""");
        assertEquals(List.of("make() q= b! out= q= keep() ret", "make() q= b? kfree() ret"), paths(f.cfg()));
        assertEquals(1, f.calls().stream().filter(c -> c.callee().display().equals("kfree")).count(),
                "only the early return frees q");
        assertEquals(List.of("q"), f.locals().get("out").stream().map(Expr::text).toList(),
                "the value handed off is the pointer itself");
    }

    @Test
    void returnPtrReturnsThePointerUnfreedAndOtherReturnsFreeIt() throws Exception {
        FunctionFacts f = f("""
                void *q __free(kfree) = make(a);
                if (b)
                	return 0;
                return_ptr(q);""");
        assertEquals(List.of("make() q= b! ret", "make() q= b? kfree() ret"), paths(f.cfg()));
        Cfg.Return last = f.cfg().blocks().stream().flatMap(bl -> bl.events().stream())
                .filter(e -> e instanceof Cfg.Return r && r.value() instanceof Expr.Name).map(e -> (Cfg.Return) e)
                .findFirst().orElseThrow();
        assertEquals("q", last.value().text(), "return_ptr(q) returns q");
    }

    @Test
    void aHandoffOnOneBranchOnlyKeepsTheFreeOfTheOther() throws Exception {
        FunctionFacts f = f("""
                void *q __free(kfree) = make(a);
                if (b)
                	keep(no_free_ptr(q));
                one();""");
        assertEquals(List.of("make() q= b! one() kfree()", "make() q= b? keep() q= one() kfree()"),
                paths(f.cfg()));
        assertEquals(1, f.calls().stream().filter(c -> c.callee().display().equals("kfree")).count());
    }

    @Test
    void aHandoffInEveryBranchDropsTheFreeAtTheEnd() throws Exception {
        FunctionFacts f = f("""
                void *q __free(kfree) = make(a);
                if (b)
                	keep(no_free_ptr(q));
                else
                	q = NULL;
                one();""");
        assertEquals(List.of("make() q= b! q= one()", "make() q= b? keep() q= one()"), paths(f.cfg()));
        assertTrue(f.calls().stream().noneMatch(c -> c.callee().display().equals("kfree")));
    }

    @Test
    void unknownClassesKeepOnlyTheirArgumentsCalls() throws Exception {
        FunctionFacts f = f("""
                guard(my_lock)(make());
                CLASS(my_class, v)(other(a));
                one();""");
        assertEquals(List.of("make() other() v= one()"), paths(f.cfg()));
        assertEquals(List.of("make", "other", "one"), f.calls().stream()
                .map(c -> c.callee().display()).toList());
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
