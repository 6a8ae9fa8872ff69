package io.github.dovelint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.config.ConfigLoader;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.spec.Explainer;
import io.github.dovelint.spec.ReferenceCore;
import io.github.dovelint.spec.Scenario;
import io.github.dovelint.spec.ScenarioException;
import io.github.dovelint.spec.TraceChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets for the readers of user-provided files: {@code .dovelint.yml},
 * the knowledge base, baselines, scenarios and traces. Each may only reject its
 * input with its documented, located exception; anything else (a runtime
 * exception, a stack overflow, a hang) is a finding.
 *
 * <p>{@code ./mvnw verify} runs every input under
 * {@code src/test/resources/io/github/dovelint/fuzz/ReadersFuzzTestInputs/<method>/}
 * (seeds and every crash ever found) and fuzzes {@link #config} for a few
 * seconds; {@code scripts/fuzz.sh} fuzzes any target for longer.
 */
class ReadersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void config(byte[] data) {
        fuzzConfig(data);
    }

    @FuzzTest(maxDuration = "10s")
    void knowledgeBase(byte[] data) {
        try {
            KnowledgeBaseLoader.load("kb.yml", new String(data, StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            located(e.location() != null || e.getMessage() != null, e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void baseline(byte[] data) {
        Path file = null;
        try {
            file = Files.createTempFile("dovelint-fuzz", ".json");
            Files.write(file, data);
            Baseline.read(file);
        } catch (IOException e) {
            // BaselineException (a clear message) or undecodable bytes
        } finally {
            delete(file);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void scenario(byte[] data) {
        try {
            Explainer.explain(Scenario.parse("s.txt", new String(data, StandardCharsets.UTF_8)), new ReferenceCore());
        } catch (ScenarioException e) {
            located(e.getMessage().startsWith("s.txt"), e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void trace(byte[] data) {
        try {
            TraceChecker.check("t.log", new String(data, StandardCharsets.UTF_8));
        } catch (ScenarioException e) {
            located(e.getMessage().startsWith("t.log"), e);
        }
    }

    /** The config target, also the entry point of the standalone fuzzer ({@code scripts/fuzz.sh}). */
    static void fuzzConfig(byte[] data) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dovelint-fuzz");
            Path file = dir.resolve(".dovelint.yml");
            Files.write(file, data);
            ConfigLoader.load(file);
        } catch (ConfigException e) {
            located(e.location() != null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                delete(dir.resolve(".dovelint.yml"));
                delete(dir);
            }
        }
    }

    private static void located(boolean ok, Exception e) {
        if (!ok) {
            throw new AssertionError("an error without a location: " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
