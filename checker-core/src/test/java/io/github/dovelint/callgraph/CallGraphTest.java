package io.github.dovelint.callgraph;

import static io.github.dovelint.engine.TestRun.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.FunctionFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallGraphTest {

    @TempDir
    Path tmp;

    private static List<String> targets(TestRun t, String caller, int call) {
        FunctionFacts f = t.function(caller);
        CallFact c = f.calls().get(call);
        return t.graph().targets(f, c).stream()
                .map(x -> x.isExternal() ? "extern " + x.name() : x.name() + "@" + x.definition().location().file())
                .toList();
    }

    @Test
    void staticInlineInAHeaderIncludedTwiceIsOneFunction() throws Exception {
        TestRun t = TestRun.in(tmp)
                .file("evl.h", "static inline void evl_wait(void) { msleep(1); } /* SLEEP */\n")
                .file("a.c", "#include \"evl.h\"\n" + hook("install_inband_fd") + " { evl_wait(); }\n")
                .file("b.c", "#include \"evl.h\"\n" + hook("uninstall_inband_fd") + " { evl_wait(); }\n")
                .run();
        assertEquals(1, t.program().definitions("evl_wait").size());
        assertEquals(java.util.Set.of("a.c", "b.c"), t.program().unitsOf(t.function("evl_wait")));
        assertEquals(t.marked("SLEEP"), t.lines());
        assertEquals(2, t.result.findings().get(0).chains().size());
    }

    @Test
    void staticHelpersResolvePerFile() throws Exception {
        TestRun t = TestRun.in(tmp)
                .file("a.c", "static void helper(void) { msleep(1); } /* SLEEP */\n"
                        + hook("install_inband_fd") + " { helper(); }\n")
                .file("b.c", "static void helper(void) { }\n"
                        + hook("uninstall_inband_fd") + " { helper(); }\n")
                .run();
        assertEquals(List.of("helper@a.c"), targets(t, "install_inband_fd", 0));
        assertEquals(List.of("helper@b.c"), targets(t, "uninstall_inband_fd", 0));
        assertEquals(t.marked("SLEEP"), t.lines());
        assertEquals("install_inband_fd", t.result.findings().get(0).chains().get(0).entry());
        assertEquals(1, t.result.findings().get(0).chains().size());
    }

    @Test
    void aHeaderFunctionSeesTheStaticsOfEveryUnitIncludingItAndStaticsWinOverGlobals() throws Exception {
        TestRun t = TestRun.in(tmp)
                .file("ops.h", "static inline void run(void) { step(); }\n")
                .file("a.c", "#include \"ops.h\"\nstatic void step(void) { }\n"
                        + hook("install_inband_fd") + " { run(); step(); }\n")
                .file("b.c", "#include \"ops.h\"\nstatic void step(void) { }\n")
                .file("c.c", "void step(void) { }\n" + hook("uninstall_inband_fd") + " { step(); }\n")
                .run();
        assertEquals(List.of("step@a.c", "step@b.c"), targets(t, "run", 0), "both units include the header");
        assertEquals(List.of("step@a.c"), targets(t, "install_inband_fd", 1), "a unit's own static wins");
        assertEquals(List.of("step@c.c"), targets(t, "uninstall_inband_fd", 0), "no static visible: the global");
    }

    @Test
    void globalsResolveAcrossFilesAndUnknownsAreExternal() throws Exception {
        TestRun t = TestRun.in(tmp)
                .file("a.c", "void evl_sync(void);\n" + hook("install_inband_fd") + " { evl_sync(); nothing(); }\n")
                .file("b.c", "void evl_sync(void) { mutex_lock(0); } /* SLEEP */\n")
                .run();
        assertEquals(List.of("evl_sync@b.c"), targets(t, "install_inband_fd", 0));
        assertEquals(List.of("extern nothing"), targets(t, "install_inband_fd", 1));
        assertEquals(t.marked("SLEEP"), t.lines());
    }

    @Test
    void callsThroughStructMembers() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct pool_ops { void (*get)(void); };
                struct other_ops { void (*get)(void); };
                struct holder { struct pool_ops *ops; };
                static void pool_get(void) { msleep(1); } /* SLEEP */
                static void other_get(void) { mutex_lock(0); }
                static struct pool_ops pops = { .get = pool_get };
                static struct other_ops oops = { .get = other_get };
                static struct holder h = { .ops = &pops };
                static void via_arrow(struct pool_ops *ops) { ops->get(); }
                static void via_dot(void) { pops.get(); }
                static void via_chain(struct holder *p) { p->ops->get(); }
                """ + hook("install_inband_fd") + """
                {
                	via_arrow(&pops);
                	via_dot();
                	via_chain(&h);
                }
                """).run();
        assertEquals(List.of("pool_get@a.c"), targets(t, "via_arrow", 0));
        assertEquals(List.of("pool_get@a.c"), targets(t, "via_dot", 0));
        assertEquals(List.of("pool_get@a.c"), targets(t, "via_chain", 0));
        assertEquals(t.marked("SLEEP"), t.lines());
        String chain = t.render();
        assertTrue(chain.contains("via_arrow() calls pool_get() through ops->get"), chain);
    }

    @Test
    void assignedMemberAndLocalFunctionPointer() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct cb_ops { void (*fire)(void); };
                static struct cb_ops ops;
                static void waiter(void) { msleep(1); } /* SLEEP */
                static void locker(void) { mutex_lock(0); } /* SLEEP */
                static void setup(void) { ops.fire = waiter; }
                static void run_cb(void (*cb)(void)) { cb(); }
                """ + hook("install_inband_fd") + """
                {
                	void (*fn)(void) = locker;
                	ops.fire();
                	fn();
                	run_cb(locker);
                }
                """).run();
        assertEquals(List.of("waiter@a.c"), targets(t, "install_inband_fd", 0));
        assertEquals(List.of("locker@a.c"), targets(t, "install_inband_fd", 1));
        assertEquals(List.of(), targets(t, "run_cb", 0), "a function-pointer parameter is not guessed");
        assertEquals(t.marked("SLEEP"), t.lines());
    }

    @Test
    void callersAreIndexedOnceInProgramOrderAndCallsOfCfgsAreTheIndexedOnes() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct ops { void (*get)(void); };
                static void leaf(void) { }
                static void spin(int n) { if (n) spin(n - 1); leaf(); leaf(); }
                static void via_ops(struct ops *o) { o->get(); }
                static struct ops table = { .get = leaf };
                """ + hook("install_inband_fd") + " { spin(2); leaf(); }\n").run();
        CallGraph g = t.graph();
        java.util.function.Function<String, List<String>> callers = name -> g.callers(t.function(name)).stream()
                .map(FunctionFacts::name).toList();
        assertEquals(List.of("install_inband_fd", "spin", "via_ops"), callers.apply("leaf").stream().sorted().toList());
        assertEquals(List.of("install_inband_fd", "spin"), callers.apply("spin").stream().sorted().toList());
        assertEquals(List.of(), callers.apply("install_inband_fd"));
        // The call events of a CFG carry the very CallFacts the graph resolved at build time.
        FunctionFacts spin = t.function("spin");
        for (var b : spin.cfg().blocks()) {
            for (var e : b.events()) {
                if (e instanceof io.github.dovelint.facts.Cfg.Call c) {
                    assertTrue(spin.calls().stream().anyMatch(k -> k == c.call()), c::toString);
                    assertTrue(g.targets(spin, c.call()) == g.targets(spin, c.call()), "resolved anew: " + c);
                }
            }
        }
    }

    @Test
    void aCallThroughAMemberOfAnEmbeddedInstanceReachesWhatThatInstanceHolds() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct ring { void (*wait)(struct ring *r); };
                struct duplex { struct { struct ring ring; } in, out; };
                static void in_wait(struct ring *r) { }
                static void out_wait(struct ring *r) { }
                void duplex_init(struct duplex *d)
                {
                	d->in.ring.wait = in_wait;
                	d->out.ring.wait = out_wait;
                }
                struct holder { struct ring *ring; };
                void poll_both(struct duplex *d, struct ring *r, struct holder *h)
                {
                	d->out.ring.wait(&d->out.ring);
                	r->wait(r);
                	h->ring->wait(h->ring);
                }
                """).run();
        assertEquals(List.of("out_wait@a.c"), targets(t, "poll_both", 0));
        assertEquals(List.of("in_wait@a.c", "out_wait@a.c"), targets(t, "poll_both", 1));
        assertEquals(List.of("in_wait@a.c", "out_wait@a.c"), targets(t, "poll_both", 2), "*h->ring is anywhere");
        FunctionFacts poll = t.function("poll_both");
        assertEquals(List.of(List.of("in", "ring")),
                t.graph().instancePaths(poll, poll.calls().get(1), t.function("in_wait")));
    }

    @Test
    void anAnonymousStructIsNamedAfterItsMemberOrItsTypedef() throws Exception {
        // EVL's struct evl_clock keeps its operations in an anonymous struct member "ops"
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct clock { struct { long (*read)(struct clock *c); } ops; };
                typedef struct { long (*read)(void); } reader_t;
                struct fops { long (*read)(void); };
                static long mono_read(struct clock *c) { return 0; }
                static long plain_read(void) { return 0; }
                static long dev_read(void) { return 0; }
                struct clock mono = { .ops = { .read = mono_read } };
                static reader_t plain = { .read = plain_read };
                static const struct fops dev_fops = { .read = dev_read };
                long read_clock(struct clock *c, reader_t *r, struct fops *f)
                {
                	c->ops.read(c);
                	r->read();
                	return f->read();
                }
                """).run();
        assertEquals(List.of("mono_read@a.c"), targets(t, "read_clock", 0));
        assertEquals(List.of("plain_read@a.c"), targets(t, "read_clock", 1));
        assertEquals(List.of("dev_read@a.c"), targets(t, "read_clock", 2));
    }

    @Test
    void aFunctionTakingMoreParametersThanTheCallPassesIsNotReached() throws Exception {
        // headerless: neither struct's type is known, so the member name alone would match both
        TestRun t = TestRun.in(tmp).file("a.c", """
                static long mono_read(void *c) { return 0; }
                static long dev_read(void *f, char *buf, long n, long *pos) { return 0; }
                static long log_read(void *c, ...) { return 0; }
                void setup(struct unknown *u, struct other *o, struct third *l)
                {
                	u->read = mono_read;
                	o->read = dev_read;
                	l->read = log_read;
                }
                long read_clock(struct unknown *u, struct other *o)
                {
                	u->ops.read(u);
                	return o->ops.read(o, 0, 0, 0);
                }
                """).run();
        assertEquals(List.of("mono_read@a.c", "log_read@a.c"), targets(t, "read_clock", 0));
        assertEquals(List.of("mono_read@a.c", "dev_read@a.c", "log_read@a.c"), targets(t, "read_clock", 1),
                "a function taking fewer may be variadic");
    }
}
