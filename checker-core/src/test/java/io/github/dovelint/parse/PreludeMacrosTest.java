package io.github.dovelint.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prelude makes kernel code parse into proper statements without headers. */
class PreludeMacrosTest {

    @TempDir
    Path dir;

    private static final String LOCALS = """
            struct item *p, *n; struct list_head *pos, *tmp; struct list_head head;
            struct hlist_head table[8]; struct hlist_node *hnode; struct hlist_nulls_node *nnode;
            int cpu, bkt, bit, node, i; unsigned long idx, tmpidx, bits[4];
            struct task_struct *g, *t; void **slot; struct radix_tree_iter iter;
            struct zone *zone; struct scatterlist *sg, *sgl; struct device_node *np, *child;
            struct xarray xa; struct idr idr; struct rb_root root; struct llist_node *first;
            struct plist_head phead; const struct cpumask *mask;
            """;

    private ParsedUnit parse(String name, String code) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, code);
        return new CParser(ParseOptions.defaults()).parse(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "list_for_each(pos, &head)",
        "list_for_each_prev(pos, &head)",
        "list_for_each_safe(pos, tmp, &head)",
        "list_for_each_entry(p, &head, member_name)",
        "list_for_each_entry_safe(p, n, &head, member_name)",
        "list_for_each_entry_rcu(p, &head, member_name)",
        "list_for_each_entry_rcu(p, &head, member_name, lockdep_is_held(&lock))",
        "list_for_each_entry_srcu(p, &head, member_name, srcu_read_lock_held(&ss))",
        "list_for_each_entry_reverse(p, &head, member_name)",
        "list_for_each_entry_continue(p, &head, member_name)",
        "list_for_each_entry_continue_reverse(p, &head, member_name)",
        "list_for_each_entry_from(p, &head, member_name)",
        "list_for_each_entry_safe_reverse(p, n, &head, member_name)",
        "list_for_each_entry_safe_continue(p, n, &head, member_name)",
        "list_for_each_entry_safe_from(p, n, &head, member_name)",
        "hlist_for_each(hnode, &table[0])",
        "hlist_for_each_entry(p, &table[0], member_name)",
        "hlist_for_each_entry_rcu(p, &table[0], member_name)",
        "hlist_for_each_entry_safe(p, hnode, &table[0], member_name)",
        "hlist_for_each_entry_continue(p, member_name)",
        "hlist_nulls_for_each_entry(p, nnode, &table[0], member_name)",
        "hash_for_each(table, bkt, p, member_name)",
        "hash_for_each_rcu(table, bkt, p, member_name)",
        "hash_for_each_safe(table, bkt, hnode, p, member_name)",
        "hash_for_each_possible(table, p, member_name, hash_key(p))",
        "hash_for_each_possible_rcu(table, p, member_name, hash_key(p))",
        "hash_for_each_possible_safe(table, p, hnode, member_name, hash_key(p))",
        "for_each_possible_cpu(cpu)",
        "for_each_online_cpu(cpu)",
        "for_each_present_cpu(cpu)",
        "for_each_cpu(cpu, mask)",
        "for_each_cpu_and(cpu, mask, cpu_online_mask)",
        "for_each_set_bit(bit, bits, 64)",
        "for_each_clear_bit(bit, bits, 64)",
        "for_each_process(t)",
        "for_each_process_thread(g, t)",
        "for_each_thread(g, t)",
        "for_each_node(node)",
        "for_each_online_node(node)",
        "for_each_zone(zone)",
        "for_each_sg(sgl, sg, 4, i)",
        "for_each_child_of_node(np, child)",
        "xa_for_each(&xa, idx, p)",
        "xa_for_each_start(&xa, idx, p, 3)",
        "xa_for_each_marked(&xa, idx, p, XA_MARK_0)",
        "idr_for_each_entry(&idr, p, i)",
        "idr_for_each_entry_ul(&idr, p, tmpidx, idx)",
        "rbtree_postorder_for_each_entry_safe(p, n, &root, member_name)",
        "radix_tree_for_each_slot(slot, &root, &iter, 0)",
        "llist_for_each(first, llist_del_all(&lh))",
        "llist_for_each_entry(p, first, member_name)",
        "llist_for_each_entry_safe(p, n, first, member_name)",
        "plist_for_each_entry(p, &phead, member_name)",
        "scoped_guard(spinlock_irqsave, &lock)",
    })
    void iteratorMacroBodyIsTheNextStatement(String header) throws IOException {
        ParsedUnit unit = parse("iter.c", "void f(void)\n{\n" + LOCALS + "\t" + header + " {\n\t\tfoo(p);\n\t}\n\tafter();\n}\n");
        assertEquals(List.of(), unit.problems(), header);
        IASTFunctionDefinition f = Asts.function(unit.ast(), "f");
        assertNotNull(f);
        IASTForStatement loop = firstFor(f);
        assertNotNull(loop, "expands to a for statement: " + header);
        assertEquals(List.of("foo"), Asts.calls(loop.getBody()), header);
        assertTrue(Asts.calls(f).contains("after"), header);
        assertFalse(Asts.idExpressions(f).contains("member_name"), "member names are not expressions: " + header);
        List<String> calls = Asts.calls(loop);
        for (String argCall : List.of("lockdep_is_held", "hash_key", "srcu_read_lock_held", "llist_del_all")) {
            if (header.contains(argCall + "(")) {
                assertTrue(calls.contains(argCall), "argument call still visible: " + header);
            }
        }
    }

    private static IASTForStatement firstFor(IASTFunctionDefinition f) {
        IASTForStatement[] found = new IASTForStatement[1];
        f.accept(new ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement statement) {
                if (found[0] == null && statement instanceof IASTForStatement loop) {
                    found[0] = loop;
                }
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    @Test
    void annotationsAndMarkersParse() throws IOException {
        String code = """
                #include <linux/module.h>
                struct s { int a; } __packed __aligned(8);
                struct t { int b; } ____cacheline_aligned;
                static int cache_line __cacheline_aligned;
                static int mostly __read_mostly = 1;
                static int initdata __initdata;
                static const char * __user uptr;
                static void __iomem *regs;
                static struct item __rcu *rcu_ptr;
                static int __percpu *pcpu;
                typedef unsigned int __bitwise my_flags_t;
                int __must_check must(void);
                void __weak weak_fn(void) { }
                static int __init my_init(void) { return 0; }
                static void __exit my_exit(void) { }
                static __always_inline int inl(void) { return 1; }
                static noinline int notinl(void) { return 1; }
                void __cold cold_fn(void);
                int __pure pure_fn(int x);
                static int __maybe_unused mu;
                static int __used used_var;
                void __printf(1, 2) logit(const char *fmt, ...);
                __visible void vis(void) { }
                asmlinkage notrace void entry_fn(void) { }
                static int sect __section(".data.dl");
                void __noreturn die(void);
                void locked(struct mutex *m) __must_hold(m);
                void grab(spinlock_t *l) __acquires(l);
                void drop(spinlock_t *l) __releases(l);
                int try_grab(spinlock_t *l) __cond_acquires(l);
                static int sw(int x)
                {
                    switch (x) {
                    case 1:
                        foo();
                        fallthrough;
                    case 2:
                        if (likely(x) && unlikely(!x))
                            bar((__force u32)x);
                        return READ_ONCE(x) + container_of(&x, struct s, a)->a;
                    }
                    WRITE_ONCE(x, 3);
                    BUILD_BUG_ON(sizeof(int) != 4);
                    static_assert(sizeof(long) == 8, "lp64");
                    return min(x, 2) + max_t(int, x, 1) + min_t(u32, x, 4) + clamp(x, 0, 9) + ARRAY_SIZE(cache);
                }
                EXPORT_SYMBOL(weak_fn);
                EXPORT_SYMBOL_GPL(vis);
                EXPORT_SYMBOL_NS_GPL(entry_fn, DOVETAIL);
                MODULE_LICENSE("GPL");
                MODULE_AUTHOR("me");
                MODULE_DESCRIPTION("test");
                MODULE_ALIAS("dl");
                MODULE_DEVICE_TABLE(of, my_ids);
                module_init(my_init);
                module_exit(my_exit);
                core_initcall(my_init);
                late_initcall(my_init);
                device_initcall(my_init);
                subsys_initcall(my_init);
                module_param(mostly, int, 0644);
                __setup("dl=", my_init);
                static_assert(sizeof(int) == 4);
                """;
        ParsedUnit unit = parse("annot.c", code);
        assertEquals(List.of(), unit.problems());
        IASTFunctionDefinition sw = Asts.function(unit.ast(), "sw");
        List<String> calls = Asts.calls(sw);
        assertTrue(calls.containsAll(List.of("foo", "bar")), calls.toString());
        assertNotNull(Asts.function(unit.ast(), "inl"));
        assertNotNull(Asts.function(unit.ast(), "entry_fn"));
    }

    @Test
    void definitionMacrosDeclareVariables() throws IOException {
        String code = """
                static DEFINE_HARD_SPINLOCK(hard_lock);
                static DEFINE_SPINLOCK(lock);
                static DEFINE_RAW_SPINLOCK(raw_lock);
                static DEFINE_MUTEX(mtx);
                static DEFINE_RWLOCK(rwl);
                static DEFINE_SEQLOCK(seql);
                static DECLARE_RWSEM(rwsem);
                static DEFINE_SEMAPHORE(sem, 1);
                DEFINE_SRCU(srcu);
                DEFINE_STATIC_SRCU(static_srcu);
                static DECLARE_WAIT_QUEUE_HEAD(wq);
                static DECLARE_COMPLETION(done);
                static DEFINE_IDR(idr);
                static DEFINE_IDA(ida);
                static DEFINE_XARRAY(xa);
                static DEFINE_XARRAY_ALLOC(xa2);
                static DEFINE_HASHTABLE(table, 6);
                static DECLARE_HASHTABLE(table2, 4);
                static LIST_HEAD(items);
                static HLIST_HEAD(hitems);
                static DEFINE_PER_CPU(struct item, pcpu_item);
                static DEFINE_PER_CPU(int, pcpu_count);
                static DEFINE_STATIC_KEY_FALSE(key);
                static DECLARE_BITMAP(map, 128);
                static DEFINE_RATELIMIT_STATE(rs, 5 * HZ, 10);
                static void work_fn(struct work_struct *w) { }
                static DECLARE_WORK(work, work_fn);
                void user(void) { DEFINE_WAIT(wait); DECLARE_COMPLETION_ONSTACK(c); wait_for_completion(&c); }
                """;
        ParsedUnit unit = parse("defs.c", code);
        assertEquals(List.of(), unit.problems());
        List<String> declared = new java.util.ArrayList<>();
        for (IASTDeclaration declaration : Asts.ownDeclarations(unit.ast())) {
            if (declaration instanceof IASTSimpleDeclaration simple) {
                for (var declarator : simple.getDeclarators()) {
                    declared.add(declarator.getName().toString());
                }
            }
        }
        assertTrue(declared.containsAll(List.of("hard_lock", "lock", "raw_lock", "mtx", "rwl", "wq", "done", "idr",
                "xa", "table", "items", "hitems", "pcpu_item", "key", "map", "rs", "work", "srcu", "static_srcu")),
                declared.toString());
        assertTrue(Asts.calls(Asts.function(unit.ast(), "user")).contains("wait_for_completion"));
    }

    @Test
    void scopeBasedCleanupParses() throws IOException {
        ParsedUnit unit = parse("cleanup.c", """
                void f(struct mutex *m, spinlock_t *l, int fd)
                {
                	struct item *p __free(kfree) = kmalloc(16, GFP_KERNEL);
                	CLASS(fd, f)(fd);
                	CLASS(fd_raw, r)(get_fd(fd));
                	guard(mutex)(m);
                	guard(rcu)();
                	scoped_guard(spinlock_irqsave, l) {
                		foo(p);
                	}
                	scoped_cond_guard(mutex_intr, return, m)
                		bar(fd_file(f));
                	if (!p)
                		return;
                	use(no_free_ptr(p));
                }
                """);
        assertEquals(List.of(), unit.problems());
        List<String> calls = Asts.calls(Asts.function(unit.ast(), "f"));
        assertTrue(calls.containsAll(List.of("kmalloc", "get_fd", "foo", "bar", "fd_file", "use")), calls.toString());
    }

    @Test
    void kernelFunctionsStayCalls() throws IOException {
        ParsedUnit unit = parse("calls.c", """
                void f(struct files_struct *files, struct file *file)
                {
                    void *q = kmalloc(16, GFP_KERNEL);
                    mutex_lock(&m); spin_lock(&files->file_lock); rcu_read_lock();
                    struct file *x = rcu_dereference(files->fdt);
                    rcu_assign_pointer(files->fdt, x);
                    msleep(1); copy_to_user(u, q, 1); fget(3); might_sleep();
                    if (current->files == files) IS_ERR(q);
                }
                """);
        assertEquals(List.of(), unit.problems());
        IASTFunctionDefinition f = Asts.function(unit.ast(), "f");
        assertTrue(Asts.calls(f).containsAll(List.of("kmalloc", "mutex_lock", "spin_lock", "rcu_read_lock",
                "rcu_dereference", "rcu_assign_pointer", "msleep", "copy_to_user", "fget", "might_sleep", "IS_ERR")));
        assertTrue(Asts.idExpressions(f).contains("current"));
        assertTrue(Asts.idExpressions(f).contains("GFP_KERNEL"));
    }

    @Test
    void weakIsVisibleInTheAst() throws IOException {
        ParsedUnit unit = parse("weak.c", """
                __weak void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) { }
                void __weak replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) { }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) { }
                void proto(void) __weak;
                void kernel_style(void) __attribute__((__weak__));
                """);
        assertEquals(List.of(), unit.problems());
        assertTrue(Attributes.isWeak(Asts.function(unit.ast(), "install_inband_fd")));
        assertTrue(Attributes.isWeak(Asts.function(unit.ast(), "replace_inband_fd")));
        assertFalse(Attributes.isWeak(Asts.function(unit.ast(), "uninstall_inband_fd")));
        List<IASTDeclaration> own = Asts.ownDeclarations(unit.ast());
        assertEquals(5, own.size());
        assertTrue(Prelude.isFromPrelude(unit.ast().getDeclarations()[0]));
        assertFalse(Prelude.isFromPrelude(own.get(0)));
        assertTrue(Attributes.hasGccAttribute(own.get(3), "weak"));
        assertTrue(Attributes.hasGccAttribute(own.get(4), "weak"));
    }

    @Test
    void preludeItselfHasNoProblemsInBothModes() throws IOException {
        Path empty = dir.resolve("empty.c");
        Files.writeString(empty, "");
        ParsedUnit headerless = new CParser(ParseOptions.defaults()).parse(empty);
        assertEquals(List.of(), headerless.problems());
        assertTrue(headerless.ast().getDeclarations().length > 50, "prelude declarations are in the AST");
        Path inc = Files.createDirectories(dir.resolve("include"));
        ParsedUnit withHeaders = new CParser(new ParseOptions(List.of(inc), java.util.Map.of(), null, true)).parse(empty);
        assertEquals(List.of(), withHeaders.problems());
        assertTrue(Prelude.isHelper("__dl_iter_first"));
        assertFalse(Prelude.isHelper("kmalloc"));
    }

    @Test
    void typesAreOnlyDefinedInHeaderlessMode() throws IOException {
        Path inc = Files.createDirectories(dir.resolve("include"));
        Files.writeString(inc.resolve("types.h"), "typedef int u32;\n");
        Path file = dir.resolve("t.c");
        Files.writeString(file, "#include <types.h>\nu32 x;\n");
        ParsedUnit unit = new CParser(new ParseOptions(List.of(inc), java.util.Map.of(), null, true)).parse(file);
        assertEquals(List.of(), unit.problems());
        for (IASTDeclaration declaration : unit.ast().getDeclarations()) {
            if (declaration.getFileLocation() != null
                    && declaration.getFileLocation().getFileName().equals(Prelude.TYPES_PATH)) {
                throw new AssertionError("prelude types used with real headers");
            }
        }
    }
}
