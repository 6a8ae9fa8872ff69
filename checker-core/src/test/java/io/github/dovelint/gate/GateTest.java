package io.github.dovelint.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.baseline.TestGit;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

    @TempDir
    Path root;

    private static Finding finding(Severity severity, String file, int line, String snippet) {
        return new Finding("DL101", "hook-may-sleep", severity, "x may sleep", new Location(file, line, 3), "f",
                snippet, List.of());
    }

    private static AnalysisResult result(Finding... findings) {
        return new AnalysisResult("1", List.of(findings), List.of(), List.of(), List.of("a.c"), 10);
    }

    private static AnalysisResult incomplete(Finding... findings) {
        return new AnalysisResult("1", List.of(findings), List.of(), List.of(), List.of("a.c"), 10, List.of("b.c"),
                "");
    }

    private final Finding error = finding(Severity.ERROR, "a.c", 1, "mutex_lock(&a);");
    private final Finding warning = finding(Severity.WARNING, "a.c", 2, "mutex_lock(&b);");
    private final Finding note = finding(Severity.NOTE, "a.c", 3, "mutex_lock(&c);");

    @Test
    void countsOnlyFindingsAtOrAboveTheThreshold() throws GateException {
        GateResult gate = Gate.evaluate(result(error, warning, note), GateSettings.of(root).withFailOn(Severity.WARNING));
        assertEquals(2, gate.violations());
        assertEquals(List.of(error, warning), gate.violating());
        assertEquals(List.of(error, warning, note), gate.kept(), "the threshold keeps every finding in the report");
        assertEquals(Verdict.FAILED_VIOLATIONS, gate.verdict());
        assertTrue(gate.fails());

        GateResult notes = Gate.evaluate(result(note), GateSettings.of(root).withFailOn(Severity.ERROR));
        assertEquals(0, notes.violations());
        assertEquals(Verdict.PASSED, notes.verdict());
        assertEquals(List.of(note), notes.kept());
    }

    @Test
    void noThresholdNeverFails() throws GateException {
        GateResult gate = Gate.evaluate(result(error), GateSettings.of(root).withFailOn(null));
        assertEquals(0, gate.violations());
        assertEquals(List.of(), gate.violating());
        assertEquals(Verdict.PASSED, gate.verdict());
    }

    @Test
    void toleratesUpToTheAllowedViolations() throws GateException {
        GateSettings settings = GateSettings.of(root).withFailOn(Severity.WARNING);
        assertEquals(Verdict.TOLERATED,
                Gate.evaluate(result(error, warning), settings.withMaxAllowedViolations(2)).verdict());
        assertFalse(Gate.evaluate(result(error, warning), settings.withMaxAllowedViolations(2)).fails());
        assertEquals(Verdict.FAILED_VIOLATIONS,
                Gate.evaluate(result(error, warning), settings.withMaxAllowedViolations(1)).verdict());
        assertEquals(Verdict.PASSED, Gate.evaluate(result(note), settings.withMaxAllowedViolations(1)).verdict());
    }

    @Test
    void byDefaultAnyFindingFails() throws GateException {
        assertEquals(Verdict.FAILED_VIOLATIONS, Gate.evaluate(result(note), GateSettings.of(root)).verdict());
        assertEquals(Verdict.PASSED, Gate.evaluate(result(), GateSettings.of(root)).verdict());
    }

    @Test
    void theBaselineAcceptsItsFindingsAndListsStaleEntries() throws Exception {
        Path file = root.resolve("dovelint-baseline.json");
        Finding fixed = finding(Severity.ERROR, "a.c", 9, "mutex_lock(&gone);");
        Baseline.of(result(error, fixed)).write(file);
        Finding moved = finding(Severity.ERROR, "a.c", 40, error.snippet());

        GateResult gate = Gate.evaluate(result(moved, warning), GateSettings.of(root).withBaseline(file));

        assertEquals(List.of(moved), gate.acceptedByBaseline());
        assertEquals(List.of(warning), gate.kept());
        assertEquals(List.of("mutex_lock(&gone);"), gate.staleEntries().stream().map(BaselineEntry::snippet).toList());
        assertEquals(file.toAbsolutePath().normalize(), gate.baselineFile());
        assertEquals(1, gate.violations(), "accepted findings do not count");
        assertEquals(Verdict.FAILED_VIOLATIONS, gate.verdict());

        GateResult clean = Gate.evaluate(result(moved, fixed), GateSettings.of(root).withBaseline(file));
        assertEquals(Verdict.PASSED, clean.verdict());
        assertEquals(List.of(), clean.staleEntries());
    }

    @Test
    void aMissingBaselineIsAnErrorOnlyWhenRequired() throws GateException {
        Path missing = root.resolve("none.json");
        GateException e = assertThrows(GateException.class,
                () -> Gate.evaluate(result(error), GateSettings.of(root).withBaseline(missing)));
        assertEquals(GateException.Stage.BASELINE, e.stage());

        GateResult gate = Gate.evaluate(result(error), GateSettings.of(root).withBaselineIfPresent(missing));
        assertNull(gate.baselineFile());
        assertEquals(List.of(error), gate.kept());
        assertEquals(List.of(), gate.acceptedByBaseline());
    }

    @Test
    void anIncompleteRunFailsUnlessFindingsAloneDecide() throws GateException {
        assertEquals(Verdict.FAILED_INCOMPLETE, Gate.evaluate(incomplete(), GateSettings.of(root)).verdict());
        assertEquals(Verdict.PASSED, Gate.evaluate(incomplete(), GateSettings.of(root).withKeepGoing(true)).verdict());
        assertEquals(Verdict.FAILED_VIOLATIONS,
                Gate.evaluate(incomplete(error), GateSettings.of(root).withKeepGoing(true)).verdict());
    }

    @Test
    void keepsOnlyFindingsOnChangedLines() throws Exception {
        assumeTrue(TestGit.available(), "git is not installed");
        committedThenEdited();
        GateResult gate = Gate.evaluate(result(error, warning, note),
                GateSettings.of(root).withNewSince(" base ", root));
        assertEquals("base", gate.newSince());
        assertEquals(List.of(warning), gate.kept());
        assertEquals(2, gate.onUnchangedLines());

        GateException e = assertThrows(GateException.class,
                () -> Gate.evaluate(result(error), GateSettings.of(root).withNewSince("no-such-ref", root)));
        assertEquals(GateException.Stage.NEW_SINCE, e.stage());
        assertNull(Gate.evaluate(result(error), GateSettings.of(root).withNewSince("  ", root)).newSince(),
                "a blank ref keeps every line");
    }

    @Test
    void baselineThenChangedLinesThenThreshold() throws Exception {
        assumeTrue(TestGit.available(), "git is not installed");
        committedThenEdited();
        Path file = root.resolve("dovelint-baseline.json");
        Finding acceptedOnChangedLine = finding(Severity.ERROR, "a.c", 2, "mutex_lock(&old);");
        Finding stale = finding(Severity.ERROR, "a.c", 3, "mutex_lock(&fixed);");
        Baseline.of(result(acceptedOnChangedLine, stale)).write(file);
        Finding newOnChangedLine = finding(Severity.WARNING, "a.c", 2, "mutex_lock(&new);");
        Finding newOnUnchangedLine = finding(Severity.ERROR, "a.c", 1, "mutex_lock(&b);");

        GateSettings settings = GateSettings.of(root).withBaseline(file).withNewSince("base", root)
                .withFailOn(Severity.WARNING);
        GateResult gate = Gate.evaluate(result(newOnUnchangedLine, acceptedOnChangedLine, newOnChangedLine),
                settings);

        assertEquals(List.of(acceptedOnChangedLine), gate.acceptedByBaseline());
        assertEquals(1, gate.staleEntries().size());
        assertEquals(1, gate.onUnchangedLines(), "counted after the baseline");
        assertEquals(List.of(newOnChangedLine), gate.kept());
        assertEquals(1, gate.violations());
        assertEquals(Verdict.FAILED_VIOLATIONS, gate.verdict());
        assertEquals(Verdict.TOLERATED, Gate.evaluate(result(newOnUnchangedLine, newOnChangedLine),
                settings.withMaxAllowedViolations(1)).verdict());
        assertEquals(Verdict.PASSED, Gate.evaluate(result(newOnChangedLine),
                settings.withFailOn(Severity.ERROR)).verdict());
    }

    @Test
    void anUpdatedBaselineAcceptsTheCurrentFindings() throws Exception {
        Path file = root.resolve("sub/dovelint-baseline.json");
        Files.createDirectories(file.getParent());
        Baseline.Update first = Gate.updateBaseline(result(error, warning), file, false);
        assertEquals(2, first.added());
        GateResult gate = Gate.evaluate(result(error, warning, note), GateSettings.of(root).withBaseline(file));
        assertEquals(List.of(note), gate.kept());

        assertEquals(1, Gate.updateBaseline(result(error), file, false).stale().size());
        assertEquals(2, Baseline.read(file).size(), "stale entries kept without prune");
        Gate.updateBaseline(result(error), file, true);
        assertEquals(1, Baseline.read(file).size());
    }

    @Test
    void readsFailOnAsBuildSettingsSpellIt() {
        assertEquals(Severity.ERROR, GateSettings.parseFailOn(null));
        assertEquals(Severity.WARNING, GateSettings.parseFailOn(" Warning "));
        assertEquals(Severity.NOTE, GateSettings.parseFailOn("info"));
        assertNull(GateSettings.parseFailOn("none"));
        assertNull(GateSettings.parseFailOn("NEVER"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GateSettings.parseFailOn("fatal"));
        assertEquals("'fatal' is not one of error, warning, note, none", e.getMessage());
    }

    /** a.c committed as branch {@code base}, then its line 2 edited (uncommitted). */
    private void committedThenEdited() throws Exception {
        Files.writeString(root.resolve("a.c"), "one\ntwo\nthree\n");
        TestGit.run(root, "init", "-q");
        TestGit.run(root, "add", "a.c");
        TestGit.run(root, "commit", "-q", "-m", "base");
        TestGit.run(root, "branch", "base");
        Files.writeString(root.resolve("a.c"), "one\nTWO\nthree\n");
    }
}
