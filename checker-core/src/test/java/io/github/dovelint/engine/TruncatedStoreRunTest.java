package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose stored lexical index another program truncates again and again while they read
 * it (docs/robustness.md#the-lexical-index-store): each run ends, with the report of a run
 * without any cache.
 */
class TruncatedStoreRunTest {

    @TempDir
    Path tmp;

    private AnalysisResult analyse(Path tree, boolean cached) throws Exception {
        Analyzer.Builder b = Analyzer.builder().root(tree).threads(2).scope(Analyzer.Scope.REACH)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new ScopedSleepRule()));
        if (cached) {
            b.cacheDir(tmp.resolve("cache"));
        }
        return b.build().run();
    }

    /** The test rule, looking at the hooks and their callees only: the unit is sliced, through the index. */
    @RuleInfo(id = "DL901", name = "test-sleep", severity = Severity.ERROR, summary = "test rule")
    static final class ScopedSleepRule implements Rule {
        private final TestRun.SleepRule rule = new TestRun.SleepRule();

        @Override
        public Scope scope() {
            return Scope.from(FunctionMatcher.hooks());
        }

        @Override
        public void check(RuleContext context) {
            rule.check(context);
        }
    }

    private static String render(AnalysisResult r) {
        StringBuilder sb = new StringBuilder().append(r.problems()).append('\n');
        for (Finding f : r.findings()) {
            sb.append(f).append('\n');
        }
        return sb.toString();
    }

    @Test
    void runsReadingAStoreTruncatedUnderThemReportAsWithoutTheCache() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("core.c"), """
                static void settle(void)
                {
                	msleep(1);
                }
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	settle();
                }
                """);
        for (int k = 0; k < 150; k++) {
            Files.writeString(tree.resolve("f" + k + ".c"), "void f" + k + "(void) { f" + (k + 1) + "(); }\n");
        }
        String expected = render(analyse(tree, false));
        assertTrue(expected.contains("msleep"), expected);
        assertEquals(expected, render(analyse(tree, true)), "the first cached run");
        Path store;
        try (Stream<Path> files = Files.list(tmp.resolve("cache/lexical"))) {
            store = files.filter(p -> p.toString().endsWith(".idx")).findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(store);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger truncations = new AtomicInteger();
        Thread truncator = new Thread(() -> {
            Random random = new Random(19);
            while (!stop.get()) {
                try (FileChannel ch = FileChannel.open(store, StandardOpenOption.WRITE)) {
                    ch.truncate(random.nextInt(good.length));
                    truncations.incrementAndGet();
                    ch.write(ByteBuffer.wrap(good), 0);
                } catch (IOException e) {
                    if (Files.exists(store)) {
                        throw new UncheckedIOException(e);
                    }
                    // replaced by a run's rename at that very moment: the next lap opens the new one
                }
            }
        });
        truncator.start();
        try {
            for (int k = 0; k < 12; k++) {
                // a changed file sends the run through the stored index (no record to take as it is)
                Files.writeString(tree.resolve("f0.c"), "void f0(void) { f1(); } /* edit " + k + " */\n");
                assertEquals(expected, render(analyse(tree, true)), "run " + k);
            }
        } finally {
            stop.set(true);
            truncator.join();
        }
        assertTrue(truncations.get() > 12, "the store was truncated while the runs read it: " + truncations);
    }
}
