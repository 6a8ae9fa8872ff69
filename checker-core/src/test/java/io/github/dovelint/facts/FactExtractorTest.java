package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void callsWithArguments() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct e { int x; };
                void f(void)
                {
                	struct e *e = kmalloc(sizeof(*e), GFP_KERNEL | __GFP_ZERO);
                	kfree(e);
                }
                """).run();
        List<CallFact> calls = t.function("f").calls();
        assertEquals(List.of("kmalloc", "kfree"), calls.stream().map(c -> c.callee().display()).toList());
        CallFact k = calls.get(0);
        assertEquals(2, k.args().size());
        assertEquals(4, k.location().line());
        assertNull(k.macro());
        Expr.Binary mask = (Expr.Binary) k.arg(1);
        assertEquals("|", mask.op());
        assertEquals(new Expr.Name("GFP_KERNEL"), mask.left());
        assertEquals("GFP_KERNEL | __GFP_ZERO", mask.text());
        assertNull(k.arg(2));
    }

    @Test
    void macroExpandedCallsRecordTheMacro() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                #define EVL_LOCK(m) mutex_lock(m)
                static struct mutex m;
                void f(void)
                {
                	EVL_LOCK(&m);
                }
                """).run();
        CallFact c = t.function("f").calls().get(0);
        assertEquals(new Callee.Named("mutex_lock"), c.callee());
        assertEquals("EVL_LOCK", c.macro());
        assertEquals(5, c.location().line());
    }

    @Test
    void currentUsesDirectThroughGetCurrentAndAliases() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                void f(void)
                {
                	struct task_struct *t = current;
                	struct task_struct *u;
                	void *a = current->files;
                	void *b = get_current()->mm;
                	void *c = t->files;
                	u = current;
                	void *d = u->mm;
                	int pid = current->pid;
                	void *e = (*t).files;
                }
                """).run();
        List<String> uses = t.function("f").currentUses().stream()
                .map(u -> u.location().line() + " " + u.field() + " " + u.text()).toList();
        assertEquals(List.of("5 files current->files", "6 mm get_current()->mm", "7 files t->files",
                "9 mm u->mm", "10 pid current->pid"), uses);
    }

    @Test
    void localsKeepEveryAssignmentInOrder() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                void f(int quiet)
                {
                	gfp_t gfp = GFP_KERNEL;
                	if (quiet)
                		gfp |= __GFP_NOWARN;
                	else
                		gfp = GFP_ATOMIC;
                }
                """).run();
        List<String> values = t.function("f").locals().get("gfp").stream().map(Expr::text).toList();
        assertEquals(List.of("GFP_KERNEL", "gfp | __GFP_NOWARN", "GFP_ATOMIC"), values);
        Expr.Binary or = (Expr.Binary) t.function("f").locals().get("gfp").get(1);
        assertEquals("|", or.op());
        assertEquals("gfp", ((Expr.Name) or.left()).id());
    }

    @Test
    void bindingsFromInitializersAndAssignments() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct inner_ops { void (*get)(void); };
                struct outer { int n; struct inner_ops in; };
                static void fa(void) {}
                static void fb(void) {}
                static void fc(void) {}
                static void fd(void) {}
                static struct outer o = { .n = 1, .in = { .get = fa } };
                static struct inner_ops tab[] = { { .get = fb }, [1] = { .get = &fc } };
                void f(struct inner_ops *ops)
                {
                	ops->get = fd;
                }
                """).run();
        List<String> b = t.program().bindings().stream()
                .map(x -> x.structTag() + "." + x.field() + "=" + x.function() + "@" + x.location().line())
                .sorted().toList();
        assertEquals(List.of("inner_ops.get=fa@7", "inner_ops.get=fb@8", "inner_ops.get=fc@8",
                "inner_ops.get=fd@11"), b);
        assertEquals(1, t.function("f").bindings().size());
    }

    @Test
    void storageAttributesAndParameters() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                void __weak install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                }
                __attribute__((weak)) void replace_inband_fd(unsigned int fd, struct file *file,
                		struct files_struct *files)
                {
                }
                static inline int helper(const char *s, unsigned long n) { return 0; }
                static int other(void) { return 1; }
                void plain(void) { }
                """).run();
        FunctionFacts install = t.function("install_inband_fd");
        assertTrue(install.isWeak());
        assertTrue(t.function("replace_inband_fd").isWeak());
        assertFalse(install.isStatic());
        assertEquals("void", install.returnType());
        assertEquals("unsigned int fd, struct file * file, struct files_struct * files",
                install.params().stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", ")));
        FunctionFacts helper = t.function("helper");
        assertTrue(helper.isStatic());
        assertTrue(helper.isInline());
        assertFalse(helper.isWeak());
        assertEquals(1, helper.paramIndex("n"));
        assertEquals(-1, helper.paramIndex("x"));
        assertTrue(t.function("other").isStatic());
        assertFalse(t.function("other").isInline());
        assertEquals(List.of(), t.function("other").params());
        assertFalse(t.function("plain").isWeak());
        assertFalse(t.function("plain").isStatic());
    }
}
