package io.github.dovelint.summary;

import static io.github.dovelint.engine.TestRun.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummariesTest {

    @TempDir
    Path tmp;

    @Test
    void directAndMutualRecursionTerminateAndFindTheSleep() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct node { struct node *next; };
                static void walk_b(struct node *n);
                static void walk_a(struct node *n)
                {
                	if (n)
                		walk_b(n->next);
                }
                static void walk_b(struct node *n)
                {
                	walk_a(n);
                	msleep(1); /* SLEEP */
                }
                static void self(struct node *n)
                {
                	if (n)
                		self(n->next);
                	mutex_lock(0); /* SLEEP */
                }
                static void quiet(struct node *n)
                {
                	if (n)
                		quiet(n->next);
                }
                """ + hook("install_inband_fd") + """
                {
                	walk_a(file->private_data); /* walk_a(NULL) would not recurse: a NULL test */
                	self(0);
                	quiet(0);
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
        CallChain c = t.result.findings().get(0).chains().get(0);
        assertEquals(List.of(24, 25, 6, 11), c.steps().stream().map(s -> s.location().line()).toList(), t::render);
    }

    @Test
    void aSleepBehindAMaskTestOfAParameterSleepsOnlyForACallerThatMayBlock() throws Exception {
        // mempool_alloc()'s shape (docs/kernel-db.md#masks), with its body in the run
        TestRun t = TestRun.in(tmp).file("a.c", """
                void *pool_get(struct pool *p, gfp_t gfp)
                {
                	void *e = take(p);
                	if (e || !gfpflags_allow_blocking(gfp))
                		return e;
                	msleep(1); /* SLEEP */
                	return take(p);
                }
                """ + hook("install_inband_fd") + """
                {
                	pool_get(0, GFP_ATOMIC);
                }
                """ + hook("uninstall_inband_fd") + """
                {
                	pool_get(0, GFP_KERNEL);
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
        List<CallChain> chains = t.result.findings().get(0).chains();
        assertEquals(List.of("uninstall_inband_fd"), chains.stream().map(CallChain::entry).toList(), t::render);
        assertEquals("uninstall_inband_fd() calls pool_get() passing GFP_KERNEL",
                chains.get(0).steps().get(1).description(), t::render);
    }

    @Test
    void twentyLevelChain() throws Exception {
        StringBuilder src = new StringBuilder("static void f20(void) { msleep(1); } /* SLEEP */\n");
        for (int i = 19; i >= 1; i--) {
            src.append("static void f").append(i).append("(void) { f").append(i + 1).append("(); }\n");
        }
        src.append(hook("uninstall_inband_fd")).append(" { f1(); }\n");
        TestRun t = TestRun.in(tmp).file("a.c", src.toString()).run();
        assertEquals(t.marked("SLEEP"), t.lines());
        List<ChainStep> steps = t.result.findings().get(0).chains().get(0).steps();
        assertEquals(22, steps.size(), t::render);
        assertEquals("uninstall_inband_fd() is the entry point", steps.get(0).description());
        assertEquals("uninstall_inband_fd() calls f1()", steps.get(1).description());
        assertEquals("f19() calls f20()", steps.get(20).description());
        assertEquals(t.result.findings().get(0).location(), steps.get(21).location());
    }

    @Test
    void knowledgeBaseEntryIsNotEnteredEvenWithABody() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                void *evl_alloc(size_t n)
                {
                	return kmalloc(n, GFP_KERNEL);
                }
                """ + hook("install_inband_fd") + """
                {
                	evl_alloc(8);
                }
                """).run();
        assertEquals(List.of(), t.lines(), t::render);
    }

    @Test
    void oneFindingPerSiteWithOneChainPerHookInHookOrder() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                static void settle(void)
                {
                	msleep(1); /* SLEEP */
                }
                """ + hook("uninstall_inband_fd") + " { settle(); }\n"
                + hook("install_inband_fd") + " { settle(); }\n"
                + hook("replace_inband_fd") + " { settle(); }\n").run();
        assertEquals(t.marked("SLEEP"), t.lines());
        Finding f = t.result.findings().get(0);
        assertEquals(List.of("install_inband_fd", "replace_inband_fd", "uninstall_inband_fd"),
                f.chains().stream().map(CallChain::entry).toList());
        assertEquals("msleep() may sleep: sleeps; reachable from install_inband_fd(), replace_inband_fd() and "
                + "uninstall_inband_fd()", f.message());
        for (CallChain c : f.chains()) {
            assertEquals(f.location(), c.steps().get(c.steps().size() - 1).location());
            assertEquals(c.entry() + "() is the entry point", c.steps().get(0).description());
        }
    }

    @Test
    void sameOutputWithOneOrFourThreads() throws Exception {
        StringBuilder hooks = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            hooks.append("#include \"evl.h\"\nvoid unit").append(i).append("(gfp_t g) { helper(g); msleep(")
                    .append(i).append("); }\n");
        }
        String header = "static inline void helper(gfp_t g) { kmalloc(8, g); }\n"
                + "void unit0(gfp_t g); void unit5(gfp_t g); void unit11(gfp_t g);\n";
        String h = "#include \"evl.h\"\n" + hook("install_inband_fd") + " { unit0(GFP_KERNEL); unit5(GFP_ATOMIC); }\n"
                + hook("uninstall_inband_fd") + " { unit11(GFP_KERNEL); }\n";
        String one = render(tmp.resolve("one"), header, hooks.toString(), h, 1);
        String four = render(tmp.resolve("four"), header, hooks.toString(), h, 4);
        assertEquals(one, four);
        assertEquals(4, one.lines().filter(l -> !l.startsWith("  ")).count(), one);
    }

    private static String render(Path dir, String header, String units, String hooks, int threads) throws Exception {
        TestRun t = TestRun.in(dir).file("evl.h", header).threads(threads);
        String[] parts = units.split("(?=#include)");
        for (int i = 0; i < parts.length; i++) {
            t.file("u" + i + ".c", parts[i]);
        }
        return t.file("hooks.c", hooks).run().render();
    }

    @Test
    void recursionThatGrowsTheMaskTerminates() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                static void *grow(int n, gfp_t gfp);
                static void *ping(int n, gfp_t gfp)
                {
                	return n ? grow(n - 1, gfp | __GFP_NOWARN) : kmalloc(8, gfp); /* SLEEP */
                }
                static void *grow(int n, gfp_t gfp)
                {
                	return ping(n, gfp | __GFP_ZERO);
                }
                """ + hook("install_inband_fd") + """
                {
                	grow(3, GFP_ATOMIC);
                }
                """ + hook("replace_inband_fd") + """
                {
                	ping(3, GFP_KERNEL & ~__GFP_DIRECT_RECLAIM);
                	ping(3, GFP_NOWAIT | __GFP_DIRECT_RECLAIM);
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
        assertEquals(List.of("replace_inband_fd"),
                t.result.findings().get(0).chains().stream().map(CallChain::entry).toList());
    }
}
