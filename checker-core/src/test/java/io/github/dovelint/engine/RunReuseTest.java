package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reusing a unit's last run ({@link RunReuse}): taken as is when nothing
 * changed, or when the files that changed still give the same facts (early
 * cutoff); the rules run again on any other change, and a corrupt record is
 * ignored. Every result is checked against a run without any cache.
 */
class RunReuseTest {

    @TempDir
    Path tmp;

    private Path tree;
    private Path core;
    private Path header;

    @BeforeEach
    void writeTree() throws Exception {
        tree = tmp.resolve("tree");
        core = tree.resolve("core.c");
        header = tree.resolve("helpers.h");
        Files.createDirectories(tree);
        Files.writeString(header, "static inline void helper(void) { mutex_lock(&big); }\n");
        Files.writeString(core, """
                #include "helpers.h"
                static void settle(void)
                {
                	msleep(1);
                }
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	helper();
                	settle();
                }
                """);
        Files.writeString(tree.resolve("other.c"), """
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	kfree(file);
                }
                """);
    }

    /** One run and whether its rules ran. */
    private record Outcome(String report, boolean rulesRan, Map<String, Long> timings) {
    }

    private Outcome analyse(boolean cached) throws Exception {
        TestRun.SleepRule rule = new TestRun.SleepRule();
        Map<String, Long>[] timings = new Map[1];
        Analyzer.Builder b = Analyzer.builder().root(tree).threads(2)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(rule))
                .progress(new ProgressListener() {
                    @Override
                    public void timings(Map<String, Long> nanos) {
                        timings[0] = Map.copyOf(nanos);
                    }
                });
        if (cached) {
            b.cacheDir(tmp.resolve("cache"));
        }
        AnalysisResult r = b.build().run();
        return new Outcome(render(r), rule.program != null, timings[0]);
    }

    private static String render(AnalysisResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.files()).append('\n').append(r.lines()).append('\n').append(r.problems()).append('\n');
        for (Finding f : r.findings()) {
            sb.append(f).append('\n');
        }
        return sb.toString();
    }

    /** A cached run, which must agree with an uncached one over the same files. */
    private Outcome check() throws Exception {
        Outcome cached = analyse(true);
        assertEquals(analyse(false).report(), cached.report(), "the cached run differs from an uncached one");
        return cached;
    }

    @Test
    void anUnchangedTreeTakesTheRecordedFindings() throws Exception {
        Outcome cold = check();
        assertTrue(cold.rulesRan());
        assertTrue(cold.report().contains("msleep"), cold.report());
        Outcome warm = check();
        assertFalse(warm.rulesRan(), "nothing changed: the rules did not run");
        assertEquals(cold.report(), warm.report());
        assertTrue(warm.timings().containsKey("reuse check"), warm.timings().toString());
        assertFalse(warm.timings().containsKey("parse"), "nothing was parsed");
    }

    @Test
    void aCommentEditKeepsTheFactsAndTheFindings() throws Exception {
        check();
        Files.writeString(core, Files.readString(core) + "/* a comment at the end */\n");
        Outcome touched = check();
        assertFalse(touched.rulesRan(), "same facts: early cutoff");
        assertTrue(touched.timings().containsKey("parse"), "the changed file was parsed again");
        assertFalse(check().rulesRan(), "the record now follows the edited file");
    }

    @Test
    void aCommentOnAFlaggedLineRefreshesItsSnippet() throws Exception {
        check();
        Files.writeString(core, Files.readString(core).replace("msleep(1);", "msleep(1); /* short */"));
        Outcome touched = check();
        assertFalse(touched.rulesRan());
        assertTrue(touched.report().contains("msleep(1); /* short */"), touched.report());
    }

    @Test
    void aSuppressionAddedInACommentApplies() throws Exception {
        Outcome before = check();
        Files.writeString(core, Files.readString(core)
                .replace("msleep(1);", "msleep(1); /* dovelint-ignore DL901: settles the device */"));
        Outcome after = check();
        assertFalse(after.rulesRan());
        assertTrue(before.report().contains("msleep"), before.report());
        assertFalse(after.report().contains("msleep"), "the finding is suppressed now: " + after.report());
    }

    @Test
    void aChangeInTheFactsRunsTheRules() throws Exception {
        Outcome before = check();
        Files.writeString(core, Files.readString(core).replace("msleep(1);", "udelay(1);"));
        Outcome after = check();
        assertTrue(after.rulesRan());
        assertNotEquals(before.report(), after.report());
        assertFalse(check().rulesRan(), "recorded again");
    }

    @Test
    void aHeaderChangeRunsTheRules() throws Exception {
        check();
        Files.writeString(header, "static inline void helper(void) { }\n");
        assertTrue(check().rulesRan());
    }

    @Test
    void anAddedOrRemovedFileRunsTheRules() throws Exception {
        check();
        Path added = tree.resolve("added.c");
        Files.writeString(added, "void f(void) { }\n");
        assertTrue(check().rulesRan(), "added");
        assertFalse(check().rulesRan());
        Files.delete(added);
        assertTrue(check().rulesRan(), "removed");
    }

    @Test
    void aCorruptRecordIsIgnoredAndRewritten() throws Exception {
        check();
        Path record;
        try (Stream<Path> s = Files.walk(tmp.resolve("cache/runs"))) {
            record = s.filter(p -> p.toString().endsWith(".run")).findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(record);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(record, flipped);
        assertTrue(check().rulesRan(), "checksum mismatch");
        Files.write(record, java.util.Arrays.copyOf(good, 7));
        assertTrue(check().rulesRan(), "truncated");
        assertFalse(check().rulesRan(), "rewritten");
    }

    @Test
    void anotherConfigurationHasItsOwnRecord() throws Exception {
        check();
        Files.writeString(tree.resolve(Analyzer.CONFIG_FILE), "rules:\n  DL901: warning\n");
        assertTrue(check().rulesRan(), "a new configuration");
        assertFalse(check().rulesRan());
    }

    @Test
    void aFileThatCannotBeAnalysedMeansNoRecord() throws Exception {
        Files.write(tree.resolve("binary.c"), new byte[] {0, 1, 2, (byte) 0xff, 0});
        check();
        assertTrue(check().rulesRan(), "no record: a skipped file depends on the machine and the limits");
        assertNull(firstRecord());
    }

    @Test
    void aKnowledgeBaseBuiltInCodeMeansNoRecord() throws Exception {
        var loaded = KnowledgeBaseLoader.load("test.yml", TestRun.KB);
        assertNotNull(loaded.origin());
        var built = new io.github.dovelint.kb.KnowledgeBase(loaded.hooks(), loaded.oobFields(), loaded.gfp(),
                loaded.functions(), Map.of(), "auto");
        assertNull(built.origin());
    }

    private Path firstRecord() throws Exception {
        Path runs = tmp.resolve("cache/runs");
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(runs)) {
            return s.filter(p -> p.toString().endsWith(".run")).findFirst().orElse(null);
        }
    }
}
