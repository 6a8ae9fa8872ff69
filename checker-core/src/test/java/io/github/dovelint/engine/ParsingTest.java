package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.Limits;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse workers: input order whatever the thread count, and a stuck file does not stop the run. */
class ParsingTest {

    @TempDir
    Path dir;

    private List<Path> files(int n) throws Exception {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("f" + i + ".c");
            Files.writeString(f, "int f" + i + "(void) { return " + i + "; }\n");
            out.add(f);
        }
        return out;
    }

    @Test
    void resultsComeInInputOrderWithAnyThreadCount() throws Exception {
        List<Path> sources = files(40);
        for (int threads : new int[] {1, 3, 64}) {
            List<ParsedFile> parsed = new Parsing(new Relativizer(dir), threads, Limits.DEFAULT, ProgressListener.NONE)
                    .parseAll(sources, new CParser(ParseOptions.defaults()), Set.of());
            assertEquals(sources.size(), parsed.size());
            for (int i = 0; i < sources.size(); i++) {
                assertEquals("f" + i + ".c", parsed.get(i).file());
                assertEquals("f" + i, parsed.get(i).facts().functions().get(0).name());
            }
        }
    }

    @Test
    void aFileStuckPastItsBudgetIsSkippedAndItsWorkerReplaced() throws Exception {
        List<Path> sources = files(4);
        CountDownLatch release = new CountDownLatch(1);
        ProgressListener stuckOnF1 = new ProgressListener() {
            @Override
            public void fileDone(String file, long lines) {
                if (file.equals("f1.c")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // abandoned by the watchdog: stay stuck as a hung parse would
                        try {
                            release.await();
                        } catch (InterruptedException again) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
        };
        Limits limits = Limits.DEFAULT.withFileTimeout(Duration.ofMillis(50));
        List<ParsedFile> parsed = new Parsing(new Relativizer(dir), 1, limits, stuckOnF1)
                .parseAll(sources, new CParser(ParseOptions.defaults()), Set.of());
        release.countDown();
        assertEquals(4, parsed.size());
        assertNull(parsed.get(1).facts());
        assertTrue(parsed.get(1).problems().get(0).message().startsWith("skipped: too slow"),
                parsed.get(1).problems().toString());
        for (int i : new int[] {0, 2, 3}) {
            assertEquals("f" + i + ".c", parsed.get(i).file());
            assertNotNull(parsed.get(i).facts(), "parsed by the worker that replaced the stuck one");
            assertTrue(parsed.get(i).problems().isEmpty(), parsed.get(i).problems().toString());
        }
    }
}
