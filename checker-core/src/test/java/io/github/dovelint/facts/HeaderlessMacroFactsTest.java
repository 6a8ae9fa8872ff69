package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts around a project's own macros that the run has no header for (README, "Use":
 * headerless parsing): a message prefix before a string, a macro taking a type, and an
 * iterator. TestRun fails on any parse problem, so the file also parses cleanly.
 */
class HeaderlessMacroFactsTest {

    @TempDir
    Path tmp;

    private static final String SOURCE = """
            struct evl_thread { int state; struct file *filp; };
            struct req { long name_ptr; };
            struct evl_element { int refs; };

            int scan(struct req *req, struct list_head *threads)
            {
            	struct evl_thread *t;
            	struct evl_element *e;
            	const char *name;

            	printk(EVL_WARNING "scanning %d\\n", 1);
            	name = evl_valptr64(req->name_ptr, const char);
            	for_each_evl_thread(t) {
            		if (t->state)
            			continue;
            		kick(t);
            	}
            	evl_for_each_element(e, threads, struct evl_element)
            		put_element(e);
            	msleep(1);
            	return name != 0;
            }
            """;

    @Test
    void callsInsideAndAfterTheMacrosAreKept() throws Exception {
        FunctionFacts f = TestRun.in(tmp).file("a.c", SOURCE).run().function("scan");
        assertEquals(List.of("printk", "kick", "put_element", "msleep"),
                f.calls().stream().map(c -> c.callee().display()).toList());
        assertEquals(11, f.calls().get(0).location().line());
        assertEquals(16, f.calls().get(1).location().line());
        assertEquals(19, f.calls().get(2).location().line());
        assertEquals(20, f.calls().get(3).location().line());
    }

    @Test
    void theLoopsRunZeroOrMoreTimes() throws Exception {
        FunctionFacts f = TestRun.in(tmp).file("a.c", SOURCE).run().function("scan");
        List<String> paths = CfgBuilderTest.paths(f.cfg());
        assertTrue(paths.stream().anyMatch(p -> !p.contains("kick()") && !p.contains("put_element()")
                && p.contains("msleep()")), "both bodies skipped: " + paths);
        assertTrue(paths.stream().anyMatch(p -> p.contains("kick()") && p.contains("put_element()")
                && p.contains("msleep()")), "both bodies run: " + paths);
        assertTrue(paths.stream().allMatch(p -> p.contains("printk()") && p.contains("msleep()")), paths.toString());
    }
}
