package io.github.dovelint.rules.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.Severity;
import io.github.dovelint.facts.FunctionFacts;
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

/** {@link Sections}: entry contexts computed over a caller cone are those of the whole program. */
class SectionsTest {

    @TempDir
    Path tmp;

    /** Records, for every function, its entry from the whole-program rounds and from its cone alone. */
    @RuleInfo(id = "DL990", name = "test-sections", severity = Severity.ERROR, summary = "test rule")
    public static final class Entries implements Rule {
        final Map<String, Sections.Ctx> whole = new TreeMap<>();
        final Map<String, Sections.Ctx> alone = new TreeMap<>();

        @Override
        public void check(RuleContext context) {
            List<FunctionFacts> hooks = context.hooks();
            // The cone of every function is the whole program: the rounds as they ran before cones.
            Sections all = new Sections(context.callGraph(), hooks);
            all.prepare(context.program().functions());
            for (FunctionFacts f : context.program().functions()) {
                whole.put(f.name(), all.entry(f));
                alone.put(f.name(), new Sections(context.callGraph(), hooks).entry(f));
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
            struct file_operations { int (*open)(struct files_struct *); };
            static const struct file_operations fops = { .open = handler };
            """;

    @Test
    void aConeGivesTheEntriesOfTheWholeProgram() throws Exception {
        Files.writeString(tmp.resolve("a.c"), SOURCE);
        Entries rule = new Entries();
        Analyzer.builder().root(tmp).path(tmp).threads(1).rules(List.of(rule)).build().run();
        assertEquals(17, rule.whole.size(), rule.whole::toString);
        assertEquals(rule.whole, rule.alone);
        // The shapes the cones must get right: protection from every caller, from a helper's
        // lock effect, through recursion, and none for what a stored pointer may call.
        assertTrue(rule.whole.get("deeper").inRcu(), rule.whole::toString);
        assertTrue(rule.whole.get("leaf").hook() && !rule.whole.get("leaf").inRcu(), rule.whole::toString);
        assertTrue(rule.whole.get("locked").fileLock(), rule.whole::toString);
        assertTrue(rule.whole.get("pong").inRcu(), rule.whole::toString);
        assertEquals(Sections.Ctx.NONE, rule.whole.get("shared"), rule.whole::toString);
        assertEquals(Sections.Ctx.NONE, rule.whole.get("handler"), rule.whole::toString);
        assertTrue(rule.whole.get("from_helper").inRcu(), rule.whole::toString);
    }
}
