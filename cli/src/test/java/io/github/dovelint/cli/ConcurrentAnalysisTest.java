package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.report.ReportWriters;
import io.github.dovelint.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine called from many threads at once, as parallel Maven module
 * builds and the Eclipse builder do: the same rule instances, the bundled
 * knowledge base and the parser's shared state are used by every analysis,
 * and every thread's reports must be byte-identical to a lone run's.
 */
class ConcurrentAnalysisTest {

    private static final Path SAMPLES = Path.of(SamplesCliTest.SAMPLES).toAbsolutePath().normalize();

    @Test
    void manyThreadsOverSharedCachesProduceTheSameReports() throws Exception {
        List<Rule> shared = Analyzer.discoverRules(getClass().getClassLoader());
        List<Path> units = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> !d.getFileName().toString().equals("target"))
                    .filter(d -> !d.getFileName().toString().equals("src")).sorted().forEach(units::add);
        }
        units.add(SAMPLES);
        assertTrue(units.size() >= 5, units.toString());
        Map<Path, String> expected = new LinkedHashMap<>();
        for (Path unit : units) {
            expected.put(unit, render(unit, shared, 1));
        }
        int threads = 8;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            List<Path> asked = new ArrayList<>();
            for (int i = 0; i < threads * rounds; i++) {
                Path unit = units.get(i % units.size());
                int parserThreads = 1 + i % 3;
                asked.add(unit);
                futures.add(pool.submit(() -> {
                    start.await();
                    return render(unit, shared, parserThreads);
                }));
            }
            start.countDown();
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(asked.get(i)), futures.get(i).get(5, TimeUnit.MINUTES),
                        "run " + i + " over " + asked.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String render(Path unit, List<Rule> rules, int parserThreads) throws Exception {
        AnalysisResult r = Analyzer.builder().root(SAMPLES.getParent()).path(unit).rules(rules)
                .threads(parserThreads).build().run();
        return ReportWriters.byName("json").render(r) + ReportWriters.byName("sarif").render(r)
                + ReportWriters.byName("html", SAMPLES.getParent()).render(r);
    }
}
