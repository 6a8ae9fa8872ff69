package io.github.dovelint.summary;

import static io.github.dovelint.engine.TestRun.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.ChainStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through a member of a struct embedded twice, each instance with its own function
 * (docs/internals.md#instances): EVL's xbuf rings, bound per direction.
 */
class InstanceBindingsTest {

    @TempDir
    Path tmp;

    private static final String DUPLEX = """
            struct ring { void (*wait)(struct ring *r); };
            struct duplex {
            	struct { struct ring ring; } fast;
            	struct { struct ring ring; } slow;
            };
            static void fast_wait(struct ring *r) { }
            static void slow_wait(struct ring *r)
            {
            	msleep(1); /* SLEEP */
            }
            void duplex_init(struct duplex *d)
            {
            	d->fast.ring.wait = fast_wait;
            	d->slow.ring.wait = slow_wait;
            }
            static void ring_wait(struct ring *r)
            {
            	r->wait(r);
            }
            static void relay(struct ring *r)
            {
            	ring_wait(r);
            }
            """;

    @Test
    void theFastInstanceNeverReachesTheSlowFunction() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", DUPLEX + hook("install_inband_fd") + """
                {
                	struct duplex *d = file->private_data;
                	struct ring *r = &d->fast.ring;

                	ring_wait(&d->fast.ring);
                	relay(&d->fast.ring);
                	ring_wait(r);
                	d->fast.ring.wait(&d->fast.ring);
                }
                """).run();
        assertEquals(List.of(), t.lines(), t::render);
    }

    @Test
    void theSlowInstanceDoesThroughAParameterPassedOn() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", DUPLEX + hook("uninstall_inband_fd") + """
                {
                	struct duplex *d = file->private_data;

                	relay(&d->slow.ring);
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
        List<String> steps = t.result.findings().get(0).chains().get(0).steps().stream()
                .map(ChainStep::description).toList();
        assertEquals(List.of("uninstall_inband_fd() is the entry point",
                "uninstall_inband_fd() calls relay() passing &d->slow.ring",
                "relay() calls ring_wait() passing r",
                "ring_wait() calls slow_wait() through r->wait",
                "msleep() may sleep: sleeps"), steps, t::render);
    }

    @Test
    void anInstanceNobodyKnowsMayBeEither() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", DUPLEX + hook("install_inband_fd") + """
                {
                	ring_wait(lookup_ring(fd));
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
    }

    @Test
    void aPointerReadFromAMemberMayPointToEither() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", DUPLEX + """
                struct user { struct ring *ring; };
                """ + hook("install_inband_fd") + """
                {
                	struct user *u = file->private_data;

                	relay(u->ring);
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
    }

    @Test
    void aBindingThroughAPlainPointerIsForAnyInstance() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", DUPLEX + """
                void ring_setup(struct ring *r)
                {
                	r->wait = slow_wait;
                }
                """ + hook("install_inband_fd") + """
                {
                	struct duplex *d = file->private_data;

                	ring_wait(&d->fast.ring);
                }
                """).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
    }

    @Test
    void anEntryPointMayBeGivenAnyInstance() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", DUPLEX + hook("install_inband_fd") + " { }\n").run();
        Summaries s = new Summaries(t.graph(), KnowledgeBaseLoader.load("test.yml", TestRun.KB));
        Set<Site> sites = s.reachedSites(t.function("ring_wait"), Set.of(EffectKind.SLEEP));
        assertEquals(1, sites.size());
        Site site = sites.iterator().next();
        assertEquals(List.of("ring_wait() is the entry point", "ring_wait() calls slow_wait() through r->wait",
                "msleep() may sleep: sleeps"),
                s.chain(t.function("ring_wait"), site).steps().stream().map(ChainStep::description).toList());
    }
}
