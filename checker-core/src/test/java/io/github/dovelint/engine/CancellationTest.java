package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run asked to stop ({@link ProgressListener#cancelled()}) throws soon after, and leaves the
 * fact cache and the run records so that the next run is right and reuses what was finished;
 * {@link ProgressListener#fileParsed} tells the files really parsed from those the cache gave.
 */
class CancellationTest {

    static final int FILES = 12;
    static final int THREADS = 2;

    @TempDir
    Path tmp;

    Path tree;

    @BeforeEach
    void writeTree() throws Exception {
        tree = tmp.resolve("tree");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("core.c"), """
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	helper_0();
                }
                """);
        for (int i = 0; i < FILES - 1; i++) {
            Files.writeString(tree.resolve("helper_" + i + ".c"), "void helper_" + i + "(void)\n{\n"
                    + (i == 0 ? "\tmsleep(1);\n" : "\tudelay(" + i + ");\n") + "}\n");
        }
    }

    /** Counts what the engine tells, and says it is cancelled once {@code cancelWhen} holds. */
    static final class Listener implements ProgressListener {
        final AtomicInteger done = new AtomicInteger();
        final Set<String> parsed = ConcurrentHashMap.newKeySet();
        final TestRun.SleepRule rule = new TestRun.SleepRule();
        final Predicate<Listener> cancelWhen;

        Listener(Predicate<Listener> cancelWhen) {
            this.cancelWhen = cancelWhen;
        }

        @Override
        public void fileDone(String file, long lines) {
            done.incrementAndGet();
        }

        @Override
        public void fileParsed(String file) {
            assertTrue(parsed.add(file), "told twice: " + file);
        }

        @Override
        public boolean cancelled() {
            return cancelWhen.test(this);
        }
    }

    static final Predicate<Listener> NEVER = l -> false;

    record Outcome(AnalysisResult result, Listener listener, boolean rulesRan) {
    }

    Outcome run(Predicate<Listener> cancelWhen, boolean cached) throws Exception {
        Listener listener = new Listener(cancelWhen);
        Analyzer.Builder b = Analyzer.builder().root(tree).threads(THREADS)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(listener.rule)).progress(listener);
        if (cached) {
            b.cacheDir(tmp.resolve("cache"));
        }
        return new Outcome(b.build().run(), listener, listener.rule.program != null);
    }

    Listener cancelledRun(Predicate<Listener> cancelWhen) {
        Listener listener = new Listener(cancelWhen);
        assertThrows(CancellationException.class, () -> Analyzer.builder().root(tree).threads(THREADS)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(listener.rule)).progress(listener)
                .cacheDir(tmp.resolve("cache")).build().run());
        return listener;
    }

    static String findings(AnalysisResult r) {
        return r.files() + "\n" + r.problems() + "\n" + r.findings();
    }

    @Test
    void aColdRunParsesEveryFileAWarmOneNoneAnEditOnlyTheEditedFile() throws Exception {
        Outcome cold = run(NEVER, true);
        assertEquals(FILES, cold.listener().parsed.size());
        assertEquals(1, cold.result().findings().size(), cold.result().findings().toString());
        Outcome warm = run(NEVER, true);
        assertEquals(Set.of(), warm.listener().parsed);
        assertEquals(FILES, warm.listener().done.get(), "every file is still told done");
        Files.writeString(tree.resolve("helper_3.c"), "void helper_3(void)\n{\n\tmsleep(3);\n}\n");
        Outcome edited = run(NEVER, true);
        assertEquals(Set.of("helper_3.c"), edited.listener().parsed);
        assertEquals(findings(run(NEVER, false).result()), findings(edited.result()));
    }

    @Test
    void aRunCancelledWhileParsingStopsWithinAFileAThreadAndTheNextRunReusesWhatWasParsed() throws Exception {
        Listener cancelled = cancelledRun(l -> l.done.get() >= 1);
        int before = cancelled.parsed.size();
        assertTrue(before >= 1 && before <= 1 + THREADS, "parsed after the cancel: " + cancelled.parsed);
        assertTrue(cancelled.done.get() <= 1 + THREADS, "done after the cancel: " + cancelled.done.get());

        Outcome next = run(NEVER, true);
        assertTrue(next.rulesRan());
        assertEquals(FILES - before, next.listener().parsed.size(), "the files finished before the cancel are cached");
        assertTrue(next.listener().parsed.stream().noneMatch(cancelled.parsed::contains));
        assertEquals(findings(run(NEVER, false).result()), findings(next.result()));
    }

    @Test
    void aRunCancelledDuringTheRulesWritesNoRecordSoTheNextRunChecksAgainFromTheCache() throws Exception {
        assertNotNull(run(NEVER, true).result());
        Files.writeString(tree.resolve("helper_5.c"), "void helper_5(void)\n{\n\tmsleep(5);\n}\n");
        // cancelled once the rule has run: the facts are all cached, the rule's findings are not recorded
        Listener cancelled = cancelledRun(l -> l.rule.program != null);
        assertEquals(Set.of("helper_5.c"), cancelled.parsed);

        Outcome next = run(NEVER, true);
        assertEquals(Set.of(), next.listener().parsed, "the edited file's facts were cached before the cancel");
        assertTrue(next.rulesRan(), "no record of the cancelled run: the rules ran again");
        assertEquals(findings(run(NEVER, false).result()), findings(next.result()));
        Outcome after = run(NEVER, true);
        assertTrue(!after.rulesRan() && after.listener().parsed.isEmpty(), "a finished run records its findings");
    }
}
