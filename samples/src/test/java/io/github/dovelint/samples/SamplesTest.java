package io.github.dovelint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import io.github.dovelint.rules.testing.Expectations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs dovelint over every bundled sample, exactly as {@code ./dovelint check samples}
 * does, and checks that each sample yields exactly the findings its
 * {@code expect:} marks name: no more, no fewer.
 */
class SamplesTest {

    /** The module directory is the samples tree itself. */
    static final Path SAMPLES = Path.of("").toAbsolutePath();

    static AnalysisResult result;
    static Expectations expectations;

    @BeforeAll
    static void analyse() throws Exception {
        result = Analyzer.builder().root(SAMPLES).path(SAMPLES).build().run();
        expectations = Expectations.read(SAMPLES);
    }

    @TestFactory
    Stream<DynamicTest> eachSampleYieldsExactlyItsExpectedFindings() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("src")
                    && !p.getFileName().toString().equals("target")).sorted().toList();
        }
        assertTrue(samples.size() >= 5, "the samples are missing: " + samples);
        return samples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String prefix = dir.getFileName() + "/";
            List<Finding> mine = result.findings().stream()
                    .filter(f -> f.location().file().startsWith(prefix)).toList();
            List<String> diffs = expectations.only(prefix, rule -> true).compare(mine);
            assertEquals("", String.join("\n", diffs), "findings differ from the expect: marks in " + prefix);
        }));
    }

    @Test
    void oneRuleThreadOrSeveralGiveTheSameFindings() throws Exception {
        // Every rule of the catalog has a sample here, so every rule runs alone and beside others.
        AnalysisResult one = Analyzer.builder().root(SAMPLES).path(SAMPLES).threads(1).build().run();
        AnalysisResult four = Analyzer.builder().root(SAMPLES).path(SAMPLES).threads(4).build().run();
        assertTrue(one.findings().size() > 50, "too few findings to compare: " + one.findings().size());
        assertEquals(one.findings(), four.findings());
        assertEquals(one.problems(), four.problems());
    }

    @Test
    void parsingOnlyWhatTheRulesReachGivesTheFindingsOfEveryFile() throws Exception {
        AnalysisResult reach = Analyzer.builder().root(SAMPLES).path(SAMPLES).scope(Analyzer.Scope.REACH)
                .build().run();
        assertEquals(List.of(), result.outOfReach(), "a small tree: every file parsed by default");
        assertEquals(result.findings(), reach.findings());
        assertEquals(List.of("whole-tree/drivers/char/unrelated.c"), reach.outOfReach(),
                "the whole-tree sample's driver is out of reach, everything else is parsed");
        assertTrue(reach.files().contains("whole-tree/net/bt.c"), "parsed to look at its oob_data member");
        assertTrue(reach.files().contains("whole-tree/kernel/exit.c"), "parsed: a caller");
    }

    @Test
    void aRunParsingOnlyWhatTheRulesReachGivesTheSameResultOnOneThreadOrSeveral() throws Exception {
        // the symbols of the lexical index are numbered in the order the threads scan files
        AnalysisResult one = Analyzer.builder().root(SAMPLES).path(SAMPLES).scope(Analyzer.Scope.REACH).threads(1)
                .build().run();
        AnalysisResult four = Analyzer.builder().root(SAMPLES).path(SAMPLES).scope(Analyzer.Scope.REACH)
                .threads(4).build().run();
        assertEquals(one.findings(), four.findings());
        assertEquals(one.problems(), four.problems());
        assertEquals(one.files(), four.files());
        assertEquals(one.outOfReach(), four.outOfReach());
    }

    @Test
    void everyFindingIsInASample() {
        List<String> stray = result.findings().stream().map(f -> f.location().file())
                .filter(f -> !f.contains("/")).distinct().collect(Collectors.toList());
        assertEquals(List.of(), stray);
    }

    @Test
    void samplesParseWithoutProblems() {
        List<String> problems = new ArrayList<>();
        for (Problem p : result.problems()) {
            problems.add(p.location() + ": " + p.message());
        }
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void theSamplesExerciseEveryRuleOfTheCatalog() {
        List<String> missing = new ArrayList<>();
        for (var d : Analyzer.catalog()) {
            boolean marked = expectations.only("", d.id()::equals).count() > 0;
            if (!marked) {
                missing.add(d.id());
            }
        }
        assertEquals(List.of(), missing, "rules without a sample");
    }

    @Test
    void everyFindingCarriesAChainFromAnEntryPoint() {
        for (Finding f : result.findings()) {
            if (f.ruleId().startsWith("DL1")) {
                assertTrue(!f.chains().isEmpty(), "no chain: " + f);
                f.chains().forEach(c -> assertEquals(f.location(),
                        c.steps().get(c.steps().size() - 1).location(), "chain must end at the finding"));
            }
        }
    }
}
