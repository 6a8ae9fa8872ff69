package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control-flow graph of each statement kind, checked through the paths from entry to exit. */
class CfgBuilderTest {

    @TempDir
    Path tmp;

    /**
     * Every path from entry to exit (each block at most twice on a path), rendered as
     * its calls, tests ({@code a?} taken true, {@code a!} taken false), dereferences
     * ({@code *p}), stores ({@code x=}) and returns ({@code ret}).
     */
    static List<String> paths(Cfg cfg) {
        TreeSet<String> out = new TreeSet<>();
        walk(cfg, Cfg.ENTRY, new int[cfg.size()], new ArrayList<>(), out);
        return List.copyOf(out);
    }

    private static void walk(Cfg cfg, int id, int[] seen, List<String> path, TreeSet<String> out) {
        if (seen[id] >= 2 || out.size() > 200) {
            return;
        }
        seen[id]++;
        int mark = path.size();
        for (Cfg.Event e : cfg.block(id).events()) {
            path.add(render(e));
        }
        if (id == Cfg.EXIT) {
            out.add(String.join(" ", path));
        }
        for (Cfg.Edge e : cfg.block(id).successors()) {
            int before = path.size();
            if (e.conditional()) {
                path.add(e.condition().text() + (e.when() ? "?" : "!"));
            }
            walk(cfg, e.target(), seen, path, out);
            path.subList(before, path.size()).clear();
        }
        path.subList(mark, path.size()).clear();
        seen[id]--;
    }

    static String render(Cfg.Event e) {
        if (e instanceof Cfg.Call c) {
            return c.name() + "()";
        }
        if (e instanceof Cfg.Deref d) {
            return "*" + d.pointer().text();
        }
        if (e instanceof Cfg.Assign a) {
            return a.target().text() + "=";
        }
        return "ret";
    }

    private Cfg cfg(String body) throws Exception {
        return TestRun.in(tmp).file("a.c", "int f(int a, int b, struct x *p)\n{\n" + body + "\n}\n").run()
                .function("f").cfg();
    }

    @Test
    void straightLineAndIfElse() throws Exception {
        assertEquals(List.of("a! two() three()", "a? one() three()"), paths(cfg("""
                if (a)
                	one();
                else
                	two();
                three();
                """)));
        assertEquals(List.of("a! two()", "a? one() two()"), paths(cfg("if (a) one(); two();")));
    }

    @Test
    void straightRunsAreOneBlock() throws Exception {
        Cfg straight = cfg("""
                one();
                {
                	two();
                	p->v = a;
                }
                do {
                	three();
                } while (0);
                four(b);
                """);
        assertEquals(2, straight.size(), "entry and exit only");
        assertEquals(List.of("one()", "two()", "*p", "p->v=", "three()", "four()"),
                straight.block(Cfg.ENTRY).events().stream().map(CfgBuilderTest::render).toList());
        assertEquals(List.of(Cfg.EXIT), straight.block(Cfg.ENTRY).successors().stream().map(Cfg.Edge::target).toList());

        Cfg branchy = cfg("if (a) one(); else two(); three(); while (b) four(); five();");
        for (Cfg.Block block : branchy.blocks()) {
            assertEquals(branchy.blocks().indexOf(block), block.id(), "ids are indexes after renumbering");
            for (Cfg.Edge e : block.successors()) {
                assertTrue(e.target() < branchy.size(), "edges point at kept blocks");
            }
        }
        assertEquals(List.of("a! two() three() b! five()", "a! two() three() b? four() b! five()",
                "a? one() three() b! five()", "a? one() three() b? four() b! five()"), paths(branchy));
    }

    @Test
    void shortCircuitAndNegationSplitConditions() throws Exception {
        assertEquals(List.of("p! out()", "p? *p p->v! out()", "p? *p p->v? in() out()"), paths(cfg("""
                if (p && p->v)
                	in();
                out();
                """)));
        assertEquals(List.of("p! out()", "p? *p p->v! out()", "p? *p p->v? in() out()"), paths(cfg("""
                if (!p || !p->v)
                	goto out;
                in();
                out:
                out();
                """)));
    }

    @Test
    void valueContextShortCircuitAndConditional() throws Exception {
        assertEquals(List.of("p! x=", "p? *p x="), paths(cfg("int x = p && p->v;")));
        assertEquals(List.of("a! two() x=", "a? one() x="), paths(cfg("int x = a ? one() : two();")));
    }

    @Test
    void returnsGoToTheExitAndDeadCodeIsNotOnAnyPath() throws Exception {
        assertEquals(List.of("a! two() ret", "a? one() ret"), paths(cfg("""
                if (a) {
                	one();
                	return 1;
                	dead();
                }
                two();
                return 0;
                """)));
    }

    @Test
    void loopsBreakAndContinue() throws Exception {
        List<String> w = paths(cfg("""
                while (a) {
                	if (b)
                		break;
                	if (p)
                		continue;
                	body();
                }
                after();
                """));
        assertTrue(w.contains("a! after()"), w.toString());
        assertTrue(w.contains("a? b? after()"), w.toString());
        assertTrue(w.contains("a? b! p! body() a! after()"), w.toString());
        assertTrue(w.contains("a? b! p? a! after()"), w.toString());
        List<String> f = paths(cfg("for (int i = 0; i < a; i++) body(i); after();"));
        assertTrue(f.contains("i= i < a! after()"), f.toString());
        assertTrue(f.contains("i= i < a? body() i= i < a! after()"), f.toString());
        assertEquals(List.of("a! a? forever()", "a? forever()"), paths(cfg("for (;;) { if (a) break; } forever();")));
    }

    @Test
    void doWhileZeroRunsOnceAndDoWhileLoops() throws Exception {
        assertEquals(List.of("one() two()"), paths(cfg("""
                #define TWICE() do { one(); two(); } while (0)
                TWICE();
                """)));
        List<String> d = paths(cfg("do { one(); } while (a); two();"));
        assertTrue(d.contains("one() a! two()") && d.contains("one() a? one() a! two()"), d.toString());
    }

    @Test
    void switchCasesFallThroughAndDefault() throws Exception {
        assertEquals(List.of("one() two() after()", "three() after()", "two() after()"), paths(cfg("""
                switch (a) {
                case 1:
                	one();
                case 2:
                	two();
                	break;
                default:
                	three();
                }
                after();
                """)));
        assertEquals(List.of("after()", "one() after()"), paths(cfg("switch (a) { case 1: one(); } after();")));
    }

    @Test
    void gotoLabelsForwardAndBackward() throws Exception {
        assertEquals(List.of("lock() a! unlock()", "lock() a? unlock()"), paths(cfg("""
                lock();
                if (a)
                	goto out;
                out:
                unlock();
                """)));
        List<String> back = paths(cfg("again: one(); if (a) goto again; two();"));
        assertTrue(back.contains("one() a! two()") && back.contains("one() a? one() a! two()"), back.toString());
    }

    @Test
    void dereferencesStoresAndSizeofAreEvents() throws Exception {
        assertEquals(List.of("*p x= *p p->v= *p y= z= *p p="), paths(cfg("""
                int x = p->v;
                p->v = 1;
                int y = p[1];
                int z = sizeof(*p);
                p = *p;
                """)));
    }

    @Test
    void statementExpressionsAndCommaInConditions() throws Exception {
        assertEquals(List.of("one() two() x="), paths(cfg("int x = ({ one(); two(); });")));
        assertEquals(List.of("one() a! ", "one() a? in() "), paths(cfg("if (one(), a) in();")).stream()
                .map(x -> x + " ").map(x -> x.replace("  ", " ")).toList());
    }

    @Test
    void callEventsCarryTheirFactAndLockOperation() throws Exception {
        FunctionFacts f = TestRun.in(tmp).file("a.c", """
                void f(struct x *p)
                {
                	unsigned long flags;
                	raw_spin_lock_irqsave(&p->lock, flags);
                	helper(p);
                	raw_spin_unlock_irqrestore(&p->lock, flags);
                }
                """).run().function("f");
        List<Cfg.Call> calls = new ArrayList<>();
        f.cfg().blocks().forEach(b -> b.events().forEach(e -> {
            if (e instanceof Cfg.Call c) {
                calls.add(c);
            }
        }));
        assertEquals(3, calls.size());
        assertEquals(LockOp.Action.ACQUIRE, calls.get(0).lock().action());
        assertEquals("p->lock", calls.get(0).lock().lock());
        assertEquals(null, calls.get(1).lock());
        assertTrue(f.calls().get(1) == calls.get(1).call(), "the same call fact");
        assertTrue(f.cfg().available());
    }

    @Test
    void hostileNestingIsBounded() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            deep.append("if (a) {");
        }
        deep.append("one();");
        deep.append("}".repeat(400));
        Cfg c = cfg(deep.toString());
        assertFalse(paths(c).isEmpty());
    }

    @Test
    void lockExpressionsInsideMacrosReadAsTheExpandedCode() throws Exception {
        FunctionFacts f = TestRun.in(tmp).file("a.c", """
                #define LOCK_FILES(fs) spin_lock(&(fs)->file_lock)
                void f(struct files_struct *files)
                {
                	LOCK_FILES(files);
                }
                """).run().function("f");
        assertEquals("files->file_lock", f.lockOps().get(0).lock());
        assertTrue(f.lockOps().get(0).isFileLock());
    }

    @Test
    void noreturnCallsBugOnWarnOnAndAssignmentsInConditions() throws Exception {
        assertEquals(List.of("a! two()"), paths(cfg("if (a) { one(); BUG(); } two();")));
        assertEquals(List.of("p? *p"), paths(cfg("BUG_ON(!p); p->v = 0;")).stream()
                .map(x -> x.replace(" p->v=", "")).toList());
        assertEquals(List.of("p! ret", "p? *p p->v="), paths(cfg("if (WARN_ON(!p)) return; p->v = 0;")));
        assertEquals(List.of("lookup() p= p! ret", "lookup() p= p? *p p->v="),
                paths(cfg("if (!(p = lookup())) return; p->v = 0;")));
        assertEquals(List.of("one()"), paths(cfg("struct s x = { .a = one() };")));
    }
}
