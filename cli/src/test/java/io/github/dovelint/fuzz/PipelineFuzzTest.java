package io.github.dovelint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Limits;
import io.github.dovelint.report.ReportWriter;
import io.github.dovelint.report.ReportWriters;
import io.github.dovelint.rules.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole pipeline as a fuzz target: C text (any bytes) written to a
 * temporary directory, analysed by the real rules with the bundled knowledge
 * base, then rendered by every report writer. Nothing may throw; every report
 * must be well-formed (the JSON ones parse), name the file, and never name the
 * temporary directory.
 *
 * <p>{@code ./mvnw verify} runs every input under
 * {@code src/test/resources/io/github/dovelint/fuzz/PipelineFuzzTestInputs/pipeline/}
 * (the samples, nasty cases, and every crash ever found) and then fuzzes this
 * target for {@value #VERIFY_SECONDS} seconds; {@code scripts/fuzz.sh} fuzzes it
 * for as long as asked.
 */
class PipelineFuzzTest {

    static final int VERIFY_SECONDS = 20;

    /** One set of rule instances for every input, as the Eclipse builder and the Maven plugin share them. */
    private static final List<Rule> RULES = Analyzer.discoverRules(PipelineFuzzTest.class.getClassLoader());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Budgets small enough that a pathological input cannot stall the fuzzer. */
    private static final Limits LIMITS = Limits.DEFAULT.withFileTimeout(Duration.ofSeconds(5))
            .withMaxFileBytes(1 << 20);

    @FuzzTest(maxDuration = VERIFY_SECONDS + "s")
    void pipeline(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The target; also the entry point of Jazzer's standalone fuzzer (scripts/fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dovelint-fuzz");
            Files.write(dir.resolve("fuzz.c"), data);
            AnalysisResult result = Analyzer.builder().root(dir).path(dir).threads(1).rules(RULES).limits(LIMITS)
                    .build().run();
            if (!result.files().contains("fuzz.c") && !result.notAnalysed().contains("fuzz.c")) {
                throw new AssertionError("fuzz.c neither analysed nor listed as not analysed: " + result);
            }
            // (source text is quoted in reports: an input may spell the directory itself)
            boolean spelled = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1).contains("dovelint-fuzz");
            for (ReportWriter writer : ReportWriters.all()) {
                String report = ReportWriters.byName(writer.formatName(), dir).render(result);
                if (!spelled && report.contains(dir.toString())) {
                    throw new AssertionError(writer.formatName() + " report names the absolute root");
                }
                switch (writer.formatName()) {
                    case "json", "sarif", "gitlab" -> MAPPER.readTree(report);
                    default -> {
                    }
                }
            }
        } catch (AnalysisException e) {
            throw new AssertionError("a C file alone must never stop the run: " + e.describe(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
