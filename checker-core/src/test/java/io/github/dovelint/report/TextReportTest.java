package io.github.dovelint.report;

import static io.github.dovelint.report.ReportFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private final TextReport report = new TextReport();

    @Test
    void printsFindingsChainsAndSummary() {
        String expected = """
                samples/sleep/core.c:12:9: error: kmalloc() with GFP_KERNEL may sleep, reachable from install_inband_fd() [DL101]
                  samples/sleep/core.c:40:6: note: install_inband_fd() is the entry point
                  samples/sleep/core.c:42:3: note: install_inband_fd() calls evl_add_entry()
                  samples/sleep/core.c:12:9: note: evl_add_entry() calls kmalloc() with GFP_KERNEL
                samples/sleep/core.c:30:5: warning: mutex_lock() may sleep, reachable from 2 hooks [DL101]
                  via handle_oob_irq():
                    samples/sleep/core.c:50:1: note: handle_oob_irq() is the entry point
                    samples/sleep/core.c:30:5: note: handle_oob_irq() calls mutex_lock()
                  via install_inband_fd():
                    samples/sleep/core.c:40:6: note: install_inband_fd() is the entry point
                    samples/sleep/core.c:30:5: note: install_inband_fd() calls mutex_lock()
                samples/stage/stage.c:7: note: per-stage data used without checking running_oob() [DL205]
                dovelint: 1 error, 1 warning, 1 note in 3 files (1 parse problem)
                """;
        assertEquals(expected, report.render(ReportFixtures.sample()));
    }

    @Test
    void emptyResultIsJustTheSummary() {
        assertEquals("dovelint: 0 errors, 0 warnings, 0 notes in 1 file\n", report.render(ReportFixtures.empty()));
    }

    @Test
    void summaryListsProblemsByKindWithPlurals() {
        List<Problem> problems = List.of(
                new Problem(Problem.Kind.PARSE, at("a.c", 1, 1), "x"),
                new Problem(Problem.Kind.PARSE, at("a.c", 2, 1), "y"),
                new Problem(Problem.Kind.INPUT, at("b.c", 0, 0), "unreadable"));
        List<Finding> findings = List.of(
                finding(Severity.ERROR, 1), finding(Severity.ERROR, 2), finding(Severity.WARNING, 3),
                finding(Severity.WARNING, 4));
        AnalysisResult result = new AnalysisResult("1", findings, problems, List.of(), List.of("a.c", "b.c"), 1);
        assertEquals("dovelint: 2 errors, 2 warnings, 0 notes in 2 files (2 parse problems, 1 input problem)",
                TextReport.summary(result));
    }

    @Test
    void formatsProblemsForStderr() {
        assertEquals("samples/broken.c:3:1: warning: parse problem: expected ';' before '}' token",
                TextReport.formatProblem(ReportFixtures.parseProblem()));
        assertEquals("b.c: warning: input problem: cannot decode as UTF-8",
                TextReport.formatProblem(new Problem(Problem.Kind.INPUT, at("b.c", 0, 0), "cannot decode as UTF-8")));
        assertEquals("dovelint: warning: config problem: unknown rule DL999",
                TextReport.formatProblem(new Problem(Problem.Kind.CONFIG, at("", 0, 0), "unknown rule DL999")));
    }

    @Test
    void keepsEachFindingOnOneLine() {
        Finding finding = new Finding("DL1", "r", Severity.ERROR, "first\nsecond\r\nthird", at("a.c", 1, 2),
                "f", "", List.of(new CallChain("", List.of(new ChainStep(at("a.c", 1, 2), "x\ny"))),
                        new CallChain("g()", List.of(new ChainStep(at("a.c", 3, 4), "z")))));
        assertEquals("""
                a.c:1:2: error: first second third [DL1]
                  via an unnamed entry point:
                    a.c:1:2: note: x y
                  via g():
                    a.c:3:4: note: z
                """, TextReport.formatFinding(finding));
    }

    private static Finding finding(Severity severity, int line) {
        return new Finding("DL1", "r", severity, "m", at("a.c", line, 1), "f", "s", List.of());
    }
}
