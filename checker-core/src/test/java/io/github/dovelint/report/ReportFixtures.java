package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.model.Severity;
import java.util.List;

/** Hand-built analysis results, so report tests do not depend on the parser or the rules. */
final class ReportFixtures {

    static final String CORE = "samples/sleep/core.c";
    static final String STAGE = "samples/stage/stage.c";

    static final RuleDescriptor DL101 = new RuleDescriptor("DL101", "hook-may-sleep", Severity.ERROR,
            "An out-of-band hook must not call a function that may sleep.",
            "# DL101 hook-may-sleep\n\nAn out-of-band hook runs with hard interrupts off: sleeping there\n"
                    + "hangs the core.\n\n## Fix\n\nUse `GFP_ATOMIC` or move the call in-band.\n");
    static final RuleDescriptor DL205 = new RuleDescriptor("DL205", "stage-unchecked", Severity.NOTE,
            "The oob stage should be checked before touching per-stage data.",
            "# DL205 stage-unchecked\n\nPer-stage data differs between stages.\n");

    private ReportFixtures() {
    }

    static Location at(String file, int line, int column) {
        return new Location(file, line, column);
    }

    static Finding sleepFinding() {
        return new Finding("DL101", "hook-may-sleep", Severity.ERROR,
                "kmalloc() with GFP_KERNEL may sleep, reachable from install_inband_fd()",
                at(CORE, 12, 9), "evl_add_entry", "p = kmalloc(sizeof(*p),   GFP_KERNEL);",
                List.of(new CallChain("install_inband_fd", List.of(
                        new ChainStep(at(CORE, 40, 6), "install_inband_fd() is the entry point"),
                        new ChainStep(at(CORE, 42, 3), "install_inband_fd() calls evl_add_entry()"),
                        new ChainStep(at(CORE, 12, 9), "evl_add_entry() calls kmalloc() with GFP_KERNEL")))));
    }

    static Finding mutexFinding() {
        return new Finding("DL101", "hook-may-sleep", Severity.WARNING,
                "mutex_lock() may sleep, reachable from 2 hooks",
                at(CORE, 30, 5), "evl_lock_all", "mutex_lock(&evl_lock);",
                List.of(new CallChain("handle_oob_irq", List.of(
                                new ChainStep(at(CORE, 50, 1), "handle_oob_irq() is the entry point"),
                                new ChainStep(at(CORE, 30, 5), "handle_oob_irq() calls mutex_lock()"))),
                        new CallChain("install_inband_fd", List.of(
                                new ChainStep(at(CORE, 40, 6), "install_inband_fd() is the entry point"),
                                new ChainStep(at(CORE, 30, 5), "install_inband_fd() calls mutex_lock()")))));
    }

    static Finding stageFinding() {
        return new Finding("DL205", "stage-unchecked", Severity.NOTE,
                "per-stage data used without checking running_oob()",
                at(STAGE, 7, 0), "", "", List.of());
    }

    static Problem parseProblem() {
        return new Problem(Problem.Kind.PARSE, at("samples/broken.c", 3, 1), "expected ';' before '}' token");
    }

    /** Three findings (one with one chain, one with two, one with none), one problem, two rules. */
    static AnalysisResult sample() {
        return new AnalysisResult("1.2.3", List.of(sleepFinding(), mutexFinding(), stageFinding()),
                List.of(parseProblem()), List.of(DL101, DL205),
                List.of("samples/broken.c", CORE, STAGE), 345, List.of(), DIGEST);
    }

    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    /** The sample, but one file was binary and one too large: an incomplete run. */
    static AnalysisResult incomplete() {
        AnalysisResult s = sample();
        List<Problem> problems = new java.util.ArrayList<>(s.problems());
        problems.add(new Problem(Problem.Kind.INPUT, at("bin/blob.c", 1, 0), "binary file (contains a NUL byte), not C source"));
        problems.add(new Problem(Problem.Kind.INPUT, at("gen/huge.c", 0, 0), "skipped: too large (52428800 bytes)"));
        java.util.Collections.sort(problems);
        return new AnalysisResult(s.toolVersion(), s.findings(), problems, s.rules(), s.files(), s.lines(),
                List.of("bin/blob.c", "gen/huge.c"), DIGEST);
    }

    static AnalysisResult empty() {
        return new AnalysisResult("1.2.3", List.of(), List.of(), List.of(DL101), List.of("a.c"), 10);
    }
}
