package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle XML, the format Jenkins warnings-ng, reviewdog
 * ({@code -f=checkstyle}) and many CI dashboards read:
 *
 * <pre>
 * &lt;checkstyle version="4.3"&gt;
 *   &lt;file name="samples/sleep/core.c"&gt;
 *     &lt;error line="12" column="9" severity="error"
 *            message="kmalloc() ... [DL101]" source="dovelint.DL101"/&gt;
 *   &lt;/file&gt;
 * &lt;/checkstyle&gt;
 * </pre>
 *
 * Files are sorted by name; findings keep the result's order. Severities map
 * to checkstyle's {@code error}, {@code warning} and {@code info}; input
 * problems are reported as {@code warning}s whose source is
 * {@code dovelint.problem.<kind>} ({@code error}s for files that could not be
 * analysed). Column 0 (unknown) is left out. A comment after the root element
 * records the tool version, the configuration digest and whether the run was
 * complete (else the files not analysed).
 */
public final class CheckstyleReport implements ReportWriter {

    @Override
    public String formatName() {
        return "checkstyle";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        Map<String, List<String>> byFile = new TreeMap<>();
        for (Finding f : result.findings()) {
            byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(error(f.location().line(),
                    f.location().column(), severity(f), f.message() + " [" + f.ruleId() + "]",
                    "dovelint." + f.ruleId()));
        }
        for (Problem p : result.problems()) {
            boolean lost = result.notAnalysed().contains(p.location().file()) || p.kind() == Problem.Kind.INTERNAL;
            byFile.computeIfAbsent(p.location().file(), k -> new ArrayList<>()).add(error(p.location().line(),
                    p.location().column(), lost ? "error" : "warning", p.kind().label() + " problem: " + p.message(),
                    "dovelint.problem." + p.kind().label()));
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<checkstyle version=\"4.3\">\n");
        out.write("  <!-- " + comment("dovelint " + result.toolVersion() + "; config " + result.configDigest()
                + "; " + (result.complete() ? "complete" : "INCOMPLETE, not analysed: "
                + String.join(" ", result.notAnalysed()))) + " -->\n");
        for (Map.Entry<String, List<String>> e : byFile.entrySet()) {
            out.write("  <file name=\"" + Xml.escape(e.getKey()) + "\">\n");
            for (String line : e.getValue()) {
                out.write(line);
            }
            out.write("  </file>\n");
        }
        out.write("</checkstyle>\n");
        out.flush();
    }

    /** Text safe inside an XML comment (no {@code --}, no control characters). */
    static String comment(String text) {
        String t = text.replaceAll("[\\p{Cntrl}]", " ");
        while (t.contains("--")) {
            t = t.replace("--", "-\u00b7-");
        }
        return t.endsWith("-") ? t + " " : t;
    }

    private static String severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "info";
        };
    }

    private static String error(int line, int column, String severity, String message, String source) {
        StringBuilder b = new StringBuilder("    <error");
        if (line > 0) {
            b.append(" line=\"").append(line).append('"');
        }
        if (column > 0) {
            b.append(" column=\"").append(column).append('"');
        }
        b.append(" severity=\"").append(severity).append('"');
        b.append(" message=\"").append(Xml.escape(message)).append('"');
        b.append(" source=\"").append(Xml.escape(source)).append("\"/>\n");
        return b.toString();
    }
}
