package io.github.dovelint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.engine.ProgressListener;
import io.github.dovelint.model.AnalysisResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of a sliced run, on a copy of the whole-tree sample: what each kind of change
 * costs (what ran, from the phase timings) and that the result is always that of a run
 * without any cache over every file.
 */
class SlicedReuseTest {

    @TempDir
    Path tmp;

    private Path tree;

    @BeforeEach
    void copy() throws Exception {
        Path from = SamplesTest.SAMPLES.resolve("whole-tree");
        tree = tmp.resolve("tree");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path to = tree.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private record Run(AnalysisResult result, Map<String, Long> timings) {
        boolean ran(String phase) {
            return timings.containsKey(phase);
        }
    }

    private Run run() throws Exception {
        Map<String, Long>[] timings = new Map[1];
        AnalysisResult r = Analyzer.builder().root(tree).path(tree).scope(Analyzer.Scope.REACH)
                .cacheDir(tmp.resolve("cache")).progress(new ProgressListener() {
                    @Override
                    public void timings(Map<String, Long> nanos) {
                        timings[0] = Map.copyOf(nanos);
                    }
                }).build().run();
        AnalysisResult all = Analyzer.builder().root(tree).path(tree).scope(Analyzer.Scope.ALL).build().run();
        assertEquals(all.findings(), r.findings(), "the cached, sliced run differs from one over every file");
        return new Run(r, timings[0]);
    }

    private void append(String file, String text) throws Exception {
        Path p = tree.resolve(file);
        Files.writeString(p, Files.readString(p) + text);
    }

    @Test
    void eachChangeCostsWhatItMust() throws Exception {
        Run cold = run();
        assertEquals(List.of("drivers/char/unrelated.c"), cold.result().outOfReach());
        assertTrue(cold.ran("index") && cold.ran("rules"), cold.timings()::toString);

        Run warm = run();
        assertEquals(Map.of(), without(warm.timings(), "reuse check"), "nothing changed: nothing but the check");
        assertEquals(cold.result().findings(), warm.result().findings());

        append("drivers/char/unrelated.c", "/* a comment */\n");
        Run comment = run();
        assertFalse(comment.ran("index") || comment.ran("rules"), comment.timings()::toString);

        append("drivers/char/unrelated.c", "static int more(void) { return counter; }\n");
        Run outOfReach = run();
        assertTrue(outOfReach.ran("index") && !outOfReach.ran("rules"),
                "the index gives the same slice: the findings stand " + outOfReach.timings());
        assertEquals(List.of("drivers/char/unrelated.c"), outOfReach.result().outOfReach());

        append("drivers/char/unrelated.c", "void also_first(struct files_struct *f) { first_file(f); }\n");
        Run newCaller = run();
        assertTrue(newCaller.ran("rules"), "a new caller of an fd-table reader: in reach now");
        assertEquals(List.of(), newCaller.result().outOfReach());

        append("fs/fdtable.c", "struct file *second(struct files_struct *f) { return files_fdtable(f)->fd[1]; }\n");
        Run inReach = run();
        assertTrue(inReach.ran("rules"));
        assertTrue(inReach.result().findings().size() > newCaller.result().findings().size(),
                inReach.result().findings()::toString);
    }

    private static Map<String, Long> without(Map<String, Long> timings, String phase) {
        Map<String, Long> out = new java.util.TreeMap<>(timings);
        out.remove(phase);
        return out;
    }
}
