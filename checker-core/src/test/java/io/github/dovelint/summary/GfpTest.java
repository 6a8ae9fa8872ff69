package io.github.dovelint.summary;

import static io.github.dovelint.engine.TestRun.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GFP masks, evaluated locally and through parameters; lines marked SLEEP must be reported, no other. */
class GfpTest {

    @TempDir
    Path tmp;

    private TestRun check(String source) throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", source).run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
        return t;
    }

    @Test
    void constantsAndOperators() throws Exception {
        check(hook("install_inband_fd") + """
                {
                	void *p;
                	p = kmalloc(8, GFP_KERNEL); /* SLEEP */
                	p = kmalloc(8, GFP_ATOMIC);
                	p = kmalloc(8, GFP_NOWAIT);
                	p = kmalloc(8, GFP_KERNEL | __GFP_NOWARN); /* SLEEP */
                	p = kmalloc(8, GFP_KERNEL & ~__GFP_DIRECT_RECLAIM);
                	p = kmalloc(8, GFP_ATOMIC | __GFP_ZERO);
                	p = kmalloc(8, (GFP_ATOMIC | __GFP_DIRECT_RECLAIM)); /* SLEEP */
                	p = kmalloc(8, fd ? GFP_ATOMIC : GFP_KERNEL); /* SLEEP */
                	p = kmalloc(8, fd ? GFP_ATOMIC : GFP_NOWAIT);
                	p = kmalloc(8, 0x400); /* SLEEP */
                	p = kmalloc(8, some_unknown_mask);
                }
                """);
    }

    @Test
    void localVariableAssignedOnOneBranch() throws Exception {
        check(hook("install_inband_fd") + """
                {
                	gfp_t gfp = GFP_ATOMIC;
                	gfp_t quiet = GFP_ATOMIC;
                	if (fd > 2)
                		gfp = GFP_KERNEL;
                	quiet |= __GFP_NOWARN;
                	void *p = kmalloc(8, gfp); /* SLEEP */
                	void *q = kmalloc(8, quiet);
                }
                """);
    }

    @Test
    void macrosAndFileScopeConstants() throws Exception {
        check("""
                #define MY_GFP GFP_KERNEL
                #define MY_ATOMIC (GFP_ATOMIC | __GFP_NOWARN)
                static const gfp_t evl_gfp = GFP_KERNEL;
                static const gfp_t evl_nowait = GFP_NOWAIT;
                const gfp_t evl_global_gfp = MY_GFP;
                """ + hook("install_inband_fd") + """
                {
                	void *p;
                	p = kmalloc(8, MY_GFP); /* SLEEP */
                	p = kmalloc(8, MY_ATOMIC);
                	p = kmalloc(8, evl_gfp); /* SLEEP */
                	p = kmalloc(8, evl_nowait);
                	p = kmalloc(8, evl_global_gfp | __GFP_ZERO); /* SLEEP */
                }
                """);
    }

    @Test
    void staticMaskIsPerFileAndLocalsShadowGlobals() throws Exception {
        TestRun t = TestRun.in(tmp)
                .file("a.c", "static const gfp_t gfp = GFP_ATOMIC;\nvoid *a_alloc(void) { return kmalloc(8, gfp); }\n")
                .file("b.c", "static const gfp_t gfp = GFP_KERNEL;\n"
                        + "void *b_alloc(void) { return kmalloc(8, gfp); } /* SLEEP */\n"
                        + "void *b_shadow(void) { gfp_t gfp = GFP_NOWAIT; return kmalloc(8, gfp); }\n")
                .file("h.c", "void *a_alloc(void); void *b_alloc(void); void *b_shadow(void);\n"
                        + hook("install_inband_fd") + " { a_alloc(); b_alloc(); b_shadow(); }\n")
                .run();
        assertEquals(t.marked("SLEEP"), t.lines(), t::render);
    }

    @Test
    void maskThroughTwoLevelsOfParameters() throws Exception {
        check("""
                static void *level2(size_t n, gfp_t flags)
                {
                	return kmalloc(n, flags | __GFP_ZERO); /* SLEEP */
                }
                static void *level1(gfp_t gfp)
                {
                	return level2(16, gfp);
                }
                static void *cleared(gfp_t gfp)
                {
                	return kzalloc(16, gfp & ~__GFP_DIRECT_RECLAIM);
                }
                """ + hook("install_inband_fd") + """
                {
                	level1(GFP_KERNEL);
                	cleared(GFP_KERNEL);
                }
                """ + hook("replace_inband_fd") + """
                {
                	level1(GFP_ATOMIC);
                }
                """);
    }

    @Test
    void helperCalledAtomicFromOneHookAndKernelFromAnother() throws Exception {
        TestRun t = check("""
                static void *get_entry(gfp_t gfp)
                {
                	return kmalloc(32, gfp); /* SLEEP */
                }
                static void *indirect(void)
                {
                	return get_entry(GFP_KERNEL);
                }
                """ + hook("install_inband_fd") + """
                {
                	get_entry(GFP_ATOMIC);
                }
                """ + hook("replace_inband_fd") + """
                {
                	get_entry(GFP_ATOMIC);
                	indirect();
                }
                """ + hook("uninstall_inband_fd") + """
                {
                	get_entry(GFP_NOWAIT);
                }
                """);
        Finding f = t.result.findings().get(0);
        assertEquals(1, f.chains().size(), t::render);
        CallChain c = f.chains().get(0);
        assertEquals("replace_inband_fd", c.entry());
        List<String> lines = c.steps().stream().map(s -> String.valueOf(s.location().line())).toList();
        assertEquals(List.of("12", "14", "7", "3"), lines, t::render);
        assertTrue(c.steps().get(2).description().contains("passing GFP_KERNEL"), t::render);
        assertTrue(f.message().contains("replace_inband_fd()") && !f.message().contains("install_inband_fd"),
                f.message());
        ChainStep last = c.steps().get(c.steps().size() - 1);
        assertEquals(f.location(), last.location());
    }

    @Test
    void parameterReassignedInTheCallee() throws Exception {
        check("""
                static void *alloc_quiet(gfp_t gfp)
                {
                	gfp |= __GFP_NOWARN;
                	return kmalloc(8, gfp); /* SLEEP */
                }
                """ + hook("install_inband_fd") + """
                {
                	alloc_quiet(GFP_KERNEL);
                }
                """);
    }
}
