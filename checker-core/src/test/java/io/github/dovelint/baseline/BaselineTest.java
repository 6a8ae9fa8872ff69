package io.github.dovelint.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static Finding finding(String file, int line, String function, String snippet) {
        return new Finding("DL101", "hook-may-sleep", Severity.ERROR, "x may sleep", new Location(file, line, 3),
                function, snippet, List.of());
    }

    private static AnalysisResult result(Finding... findings) {
        return new AnalysisResult("1", List.of(findings), List.of(), List.of(), List.of("a.c", "b.c"), 10);
    }

    @Test
    void acceptsTheSameFindingsOnOtherLines() {
        Baseline baseline = Baseline.of(result(finding("a.c", 10, "f", "mutex_lock(&l);")));
        Baseline.Match match = baseline.match(result(finding("a.c", 42, "f", "  mutex_lock(&l);   ")));
        assertEquals(1, match.accepted());
        assertTrue(match.result().findings().isEmpty());
        assertTrue(match.stale().isEmpty());
    }

    @Test
    void reportsNewFindingsAndStaleEntries() {
        Baseline baseline = Baseline.of(result(finding("a.c", 10, "f", "mutex_lock(&l);"),
                finding("a.c", 20, "g", "msleep(1);")));
        Baseline.Match match = baseline.match(result(finding("a.c", 10, "f", "mutex_lock(&l);"),
                finding("b.c", 5, "h", "msleep(1);")));
        assertEquals(1, match.accepted());
        assertEquals(1, match.result().findings().size());
        assertEquals("b.c", match.result().findings().get(0).location().file());
        assertEquals(1, match.stale().size());
        assertEquals("g", match.stale().get(0).function());
        assertEquals("a.c: [DL101] in g(): x may sleep", match.stale().get(0).describe());
    }

    @Test
    void aSecondOccurrenceIsNew() {
        Baseline baseline = Baseline.of(result(finding("a.c", 10, "f", "mutex_lock(&l);")));
        Baseline.Match match = baseline.match(result(finding("a.c", 10, "f", "mutex_lock(&l);"),
                finding("a.c", 12, "f", "mutex_lock(&l);")));
        assertEquals(1, match.accepted());
        assertEquals(12, match.result().findings().get(0).location().line());
    }

    @Test
    void updateKeepsOrPrunesStaleEntries() {
        Baseline baseline = Baseline.of(result(finding("a.c", 10, "f", "old();")));
        AnalysisResult now = result(finding("a.c", 11, "f", "new();"));
        Baseline.Update kept = baseline.update(now, false);
        assertEquals(2, kept.baseline().size());
        assertEquals(1, kept.added());
        assertEquals(1, kept.stale().size());
        Baseline.Update pruned = baseline.update(now, true);
        assertEquals(1, pruned.baseline().size());
        assertEquals("new();", pruned.baseline().entries().get(0).snippet());
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Baseline baseline = Baseline.of(result(finding("b.c", 10, "f", "x  (1);"), finding("a.c", 3, "", "y;")));
        Path file = dir.resolve("sub/baseline.json");
        baseline.write(file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"baselineVersion\": 1,\n  \"fingerprints\": \"dovelint/v1\",\n"), text);
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.indexOf("\"a.c\"") < text.indexOf("\"b.c\""), "sorted by file");
        Baseline read = Baseline.read(file);
        assertEquals(baseline.entries(), read.entries());
        baseline.write(file);
        assertEquals(text, Files.readString(file), "deterministic");
    }

    @Test
    void readErrorsSayWhatIsWrong(@TempDir Path dir) throws Exception {
        BaselineException missing = assertThrows(BaselineException.class, () -> Baseline.read(dir.resolve("no.json")));
        assertTrue(missing.getMessage().endsWith("no such baseline file"));
        Path notJson = Files.writeString(dir.resolve("x.json"), "{oops");
        assertTrue(assertThrows(BaselineException.class, () -> Baseline.read(notJson)).getMessage()
                .contains("not a JSON file"));
        Path other = Files.writeString(dir.resolve("y.json"), "{\"a\": 1}");
        assertTrue(assertThrows(BaselineException.class, () -> Baseline.read(other)).getMessage()
                .contains("not a dovelint baseline"));
        Path future = Files.writeString(dir.resolve("z.json"), "{\"baselineVersion\": 9, \"entries\": []}");
        assertTrue(assertThrows(BaselineException.class, () -> Baseline.read(future)).getMessage()
                .contains("unsupported baselineVersion 9"));
    }
}
