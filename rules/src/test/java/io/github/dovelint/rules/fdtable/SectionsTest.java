package io.github.dovelint.rules.fdtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sections}: the protection a function is entered with, from its callers
 * {@link Sections#CALLER_LEVELS} levels up, whatever order functions are asked about.
 */
class SectionsTest {

    @TempDir
    Path tmp;

    /** Records every function's entry, asked in program order and each on a fresh instance. */
    @RuleInfo(id = "DL990", name = "test-sections", severity = Severity.ERROR, summary = "test rule")
    public static final class Entries implements Rule {
        final Map<String, Sections.Ctx> shared = new TreeMap<>();
        final Map<String, Sections.Ctx> alone = new TreeMap<>();

        @Override
        public void check(RuleContext context) {
            List<FunctionFacts> hooks = context.hooks();
            Sections all = new Sections(context.callGraph(), hooks, context.knowledge());
            for (FunctionFacts f : context.program().functions()) {
                shared.put(f.name(), all.entry(f));
                alone.put(f.name(), new Sections(context.callGraph(), hooks, context.knowledge()).entry(f));
            }
        }
    }

    private static final String SOURCE = """
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	rcu_read_lock();
            	under_rcu(files);
            	shared(files);
            	rcu_read_unlock();
            	spin_lock(&files->file_lock);
            	locked(files);
            	spin_unlock(&files->file_lock);
            	in_hook(files);
            }
            static void lock_rcu(void) { rcu_read_lock(); }
            static void unlock_rcu(void) { rcu_read_unlock(); }
            static void under_rcu(struct files_struct *files) { deeper(files, 3); }
            static void deeper(struct files_struct *files, int n) { if (n) deeper(files, n - 1); leaf(files); }
            static void leaf(struct files_struct *files) { files_fdtable(files); }
            static void locked(struct files_struct *files) { leaf(files); }
            static void in_hook(struct files_struct *files) { leaf(files); }
            static void shared(struct files_struct *files) { files_fdtable(files); }
            static void from_helper(struct files_struct *files) { files_fdtable(files); }
            static void via_helper(struct files_struct *files)
            {
            	lock_rcu();
            	shared(files);
            	from_helper(files);
            	unlock_rcu();
            }
            static int handler(struct files_struct *files) { via_helper(files); shared(files); return 0; }
            static int only_rcu(struct files_struct *files) { rcu_read_lock(); via_helper(files); rcu_read_unlock(); return 0; }
            static void ping(struct files_struct *files, int n) { if (n) pong(files, n - 1); }
            static void pong(struct files_struct *files, int n) { ping(files, n); shared(files); }
            static void start(struct files_struct *files) { rcu_read_lock(); ping(files, 4); rcu_read_unlock(); }
            static void unused(struct files_struct *files) { start(files); only_rcu(files); }
            static void far_top(struct files_struct *files) { rcu_read_lock(); far_mid(files); rcu_read_unlock(); }
            static void far_mid(struct files_struct *files) { far_low(files); }
            static void far_low(struct files_struct *files) { far_leaf(files); }
            static void far_leaf(struct files_struct *files) { files_fdtable(files); }
            struct file_operations { int (*open)(struct files_struct *); };
            static const struct file_operations fops = { .open = handler };
            """;

    @Test
    void entriesComeFromTwoLevelsOfCallers() throws Exception {
        Files.writeString(tmp.resolve("a.c"), SOURCE);
        Entries rule = new Entries();
        Analyzer.builder().root(tmp).path(tmp).threads(1).rules(List.of(rule)).build().run();
        Map<String, Sections.Ctx> e = rule.shared;
        assertEquals(21, e.size(), e::toString);
        assertEquals(e, rule.alone, "the same whatever was asked before");
        // protection from the caller, from the caller's caller (a hook), from a helper's lock
        // effect, and kept through the function's own recursive calls
        assertTrue(e.get("under_rcu").inRcu() && e.get("under_rcu").hook(), e::toString);
        assertTrue(e.get("locked").fileLock() && e.get("locked").hook(), e::toString);
        assertTrue(e.get("deeper").inRcu(), e::toString);
        assertTrue(e.get("from_helper").inRcu(), e::toString);
        assertTrue(e.get("far_mid").inRcu() && e.get("far_low").inRcu(), e::toString);
        // none for what a stored pointer may call, for a caller that does not protect, and
        // beyond the levels: far_leaf's protection is three callers up, leaf's too (via deeper)
        assertEquals(Sections.Ctx.NONE, e.get("handler"), e::toString);
        assertEquals(Sections.Ctx.NONE, e.get("shared"), e::toString);
        assertFalse(e.get("far_leaf").inRcu(), e::toString);
        assertFalse(e.get("leaf").inRcu() || e.get("leaf").fileLock(), e::toString);
        assertEquals(2, Sections.CALLER_LEVELS, "the test's shapes are drawn for two levels");
    }

    @Test
    void theLastReferenceGoesToTheParameterItIsHandedTo() throws Exception {
        Files.writeString(tmp.resolve("a.c"), """
                static void walk(struct files_struct *table, int n) { files_fdtable(table); }
                static void walk_both(struct files_struct *table) { files_fdtable(table); }
                void put(struct files_struct *files)
                {
                	if (atomic_dec_and_test(&files->count)) {
                		walk(files, 0);
                		walk_both(files);
                	}
                }
                void put_other(struct files_struct *files)
                {
                	walk_both(files);
                }
                """);
        Entries rule = new Entries();
        Analyzer.builder().root(tmp).path(tmp).threads(1).rules(List.of(rule)).build().run();
        Map<String, Sections.Ctx> e = rule.shared;
        assertEquals(java.util.Set.of("table"), e.get("walk").owned(), e::toString);
        assertTrue(e.get("walk_both").owned().isEmpty(), "owned only if every caller owns it: " + e);
    }
}
