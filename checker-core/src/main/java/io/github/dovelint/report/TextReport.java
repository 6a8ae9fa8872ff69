package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.IdleRules;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gcc-style report, because terminals, editors (Emacs, Vim quickfix,
 * VS Code problem matchers) and CI log viewers already know how to link
 * {@code file:line:col: error: message} lines. For each finding:
 *
 * <pre>
 * samples/sleep/core.c:12:9: error: kmalloc() with GFP_KERNEL may sleep [DL101]
 *   samples/sleep/core.c:40:6: note: install_inband_fd() is the entry point
 *   samples/sleep/core.c:12:9: note: evl_add_entry() calls kmalloc() with GFP_KERNEL
 * </pre>
 *
 * With several call chains, each is introduced by {@code "  via entry():"} and
 * its steps are indented by four spaces. The report ends with one
 * {@linkplain #summary summary line}. Input problems are not part of the
 * report: the CLI prints them to stderr with {@link #formatProblem}, so that
 * stdout stays the list of findings.
 *
 * <p>Each finding and step stays on one line: line breaks in messages are
 * replaced by spaces. A location without a line (0) prints as the file alone,
 * one without a file as {@code dovelint}.
 */
public final class TextReport implements ReportWriter {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\R+");

    @Override
    public String formatName() {
        return "text";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        for (Finding finding : result.findings()) {
            out.write(formatFinding(finding));
        }
        for (String line : idleLines(result)) {
            out.write(line);
            out.write('\n');
        }
        out.write(summary(result));
        out.write('\n');
    }

    /** One finding: its gcc-style line and its call chains, each line ending in {@code "\n"}. */
    public static String formatFinding(Finding finding) {
        StringBuilder text = new StringBuilder();
        line(text, "", finding.location(), finding.severity().label(),
                finding.message() + " [" + finding.ruleId() + "]");
        boolean several = finding.chains().size() > 1;
        for (CallChain chain : finding.chains()) {
            if (several) {
                text.append("  via ").append(entryName(chain.entry())).append(":\n");
            }
            for (ChainStep step : chain.steps()) {
                line(text, several ? "    " : "  ", step.location(), Severity.NOTE.label(), step.description());
            }
        }
        return text.toString();
    }

    /**
     * An input problem as the CLI prints it to stderr:
     * {@code file:line:col: warning: parse problem: message}, no newline.
     */
    public static String formatProblem(Problem problem) {
        return location(problem.location()) + ": warning: " + problem.kind().label() + " problem: "
                + oneLine(problem.message());
    }

    /**
     * The line, without newline, that says which rules had nothing to check and why, if any did:
     * {@code dovelint: nothing to check for DL205 (no access to the oob pointer (...)); DL301 (no
     * fd-table read)}. One line, whatever the number of rules: a run over a core's hooks always
     * leaves some families idle, and the report must not drown its findings.
     */
    public static List<String> idleLines(AnalysisResult result) {
        if (result.idle().isEmpty()) {
            return List.of();
        }
        List<String> groups = new ArrayList<>();
        for (IdleRules group : result.idle()) {
            groups.add(group.describe());
        }
        return List.of("dovelint: nothing to check for " + String.join("; ", groups));
    }

    /**
     * The last line of the report, without newline:
     * {@code dovelint: 3 errors, 1 warning, 0 notes in 12 files (2 parse problems)};
     * the parenthesis lists the problems by kind and is left out when there are none.
     */
    public static String summary(AnalysisResult result) {
        String text = "dovelint: " + count(result.count(Severity.ERROR), "error") + ", "
                + count(result.count(Severity.WARNING), "warning") + ", "
                + count(result.count(Severity.NOTE), "note") + " in "
                + count(result.files().size(), "file")
                + (result.outOfReach().isEmpty() ? "" : ", " + result.outOfReach().size() + " more out of the rules' reach");
        List<String> problems = new ArrayList<>();
        for (Problem.Kind kind : Problem.Kind.values()) {
            long n = result.problems().stream().filter(p -> p.kind() == kind).count();
            if (n > 0) {
                problems.add(count(n, kind.label() + " problem"));
            }
        }
        if (!result.notAnalysed().isEmpty()) {
            problems.add(count(result.notAnalysed().size(), "file") + " not analysed");
        }
        return problems.isEmpty() ? text : text + " (" + String.join(", ", problems) + ")";
    }

    private static void line(StringBuilder text, String indent, Location where, String label, String message) {
        text.append(indent).append(location(where)).append(": ").append(label).append(": ")
                .append(oneLine(message)).append('\n');
    }

    private static String location(Location where) {
        if (where.file().isEmpty()) {
            return "dovelint";
        }
        return where.line() > 0 ? where.toString() : where.file();
    }

    private static String entryName(String entry) {
        if (entry == null || entry.isBlank()) {
            return "an unnamed entry point";
        }
        return entry.endsWith(")") ? entry : entry + "()";
    }

    private static String oneLine(String text) {
        return text == null ? "" : LINE_BREAKS.matcher(text).replaceAll(" ");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
