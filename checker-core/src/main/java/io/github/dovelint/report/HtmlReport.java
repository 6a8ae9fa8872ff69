package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page (inline CSS, no scripts, no external
 * resources) that can be opened from a CI artifact without a server:
 * a summary by rule and by file, then each finding with its source excerpt
 * and its call chains, then the input problems. Every piece of text that
 * comes from the sources or the configuration is escaped.
 *
 * <p>With a source root ({@link #HtmlReport(Path)}), each excerpt shows the
 * flagged line with {@value #CONTEXT} lines either side read from the file;
 * without one, or when the file cannot be read, the finding's snippet.
 */
public final class HtmlReport implements ReportWriter {

    /** Lines shown before and after the flagged line. */
    public static final int CONTEXT = 2;

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin-bottom:1.5em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
            th{background:#f3f3f3}
            td.n{text-align:right}
            .finding{border:1px solid #ddd;border-left:6px solid #999;padding:.5em 1em;margin:1em 0}
            .finding.error{border-left-color:#c62828}
            .finding.warning{border-left-color:#ef6c00}
            .finding.note{border-left-color:#1565c0}
            .sev{font-weight:bold;text-transform:uppercase;font-size:.8em}
            pre{background:#f7f7f7;padding:.5em;overflow-x:auto}
            pre .hit{background:#ffe0e0;display:inline-block;width:100%}
            code,pre{font-family:ui-monospace,monospace}
            .incomplete{border:2px solid #c62828;padding:.3em 1em;background:#fff3f3}
            """;

    private final Path sourceRoot;

    /** Excerpts from the findings' snippets only. */
    public HtmlReport() {
        this(null);
    }

    /** Excerpts read from the files under {@code sourceRoot} (the checked root), when readable. */
    public HtmlReport(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    @Override
    public String formatName() {
        return "html";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>dovelint report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>dovelint report</h1>\n");
        h.append("<p>dovelint ").append(esc(result.toolVersion())).append(": ")
                .append(esc(TextReport.summary(result).replaceFirst("^dovelint: ", ""))).append(", ").append(result.lines())
                .append(" lines analysed.</p>\n");
        h.append("<p class=\"meta\">Configuration digest: <code>").append(esc(result.configDigest().isEmpty()
                ? "unknown" : result.configDigest())).append("</code></p>\n");
        for (String line : TextReport.idleLines(result)) {
            h.append("<p class=\"idle\">").append(esc(line.replaceFirst("^dovelint: ", ""))).append("</p>\n");
        }
        if (!result.complete()) {
            h.append("<div class=\"incomplete\"><p><strong>Incomplete run:</strong> ");
            if (result.notAnalysed().isEmpty()) {
                h.append("input problems occurred (see below).</p>\n");
            } else {
                h.append(result.notAnalysed().size()).append(" file(s) could not be analysed:</p>\n<ul class=\"not-analysed\">\n");
                for (String f : result.notAnalysed()) {
                    h.append("<li><code>").append(esc(f)).append("</code></li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("</div>\n");
        }
        byRule(result, h);
        byFile(result, h);
        findings(result, h);
        problems(result, h);
        h.append("</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    private static void byRule(AnalysisResult result, StringBuilder h) {
        Map<String, EnumMap<Severity, Integer>> counts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (RuleDescriptor r : result.rules()) {
            names.put(r.id(), r.name());
        }
        for (Finding f : result.findings()) {
            counts.computeIfAbsent(f.ruleId(), k -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
            names.putIfAbsent(f.ruleId(), f.ruleName() == null ? "" : f.ruleName());
        }
        h.append("<h2>By rule</h2>\n");
        if (counts.isEmpty()) {
            h.append("<p>No findings.</p>\n");
            return;
        }
        h.append("<table class=\"by-rule\">\n<tr><th>rule</th><th>name</th><th>errors</th><th>warnings</th>"
                + "<th>notes</th><th>total</th></tr>\n");
        for (Map.Entry<String, EnumMap<Severity, Integer>> e : counts.entrySet()) {
            h.append("<tr><td><a href=\"").append(esc(RuleLinks.page(e.getKey()))).append("\">")
                    .append(esc(e.getKey())).append("</a></td><td>").append(esc(names.get(e.getKey()))).append("</td>");
            countCells(e.getValue(), h);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void byFile(AnalysisResult result, StringBuilder h) {
        Map<String, EnumMap<Severity, Integer>> counts = new TreeMap<>();
        for (Finding f : result.findings()) {
            counts.computeIfAbsent(f.location().file(), k -> new EnumMap<>(Severity.class))
                    .merge(f.severity(), 1, Integer::sum);
        }
        h.append("<h2>By file</h2>\n");
        if (counts.isEmpty()) {
            h.append("<p>No findings in ").append(result.files().size()).append(" files.</p>\n");
            return;
        }
        h.append("<table class=\"by-file\">\n<tr><th>file</th><th>errors</th><th>warnings</th><th>notes</th>"
                + "<th>total</th></tr>\n");
        for (Map.Entry<String, EnumMap<Severity, Integer>> e : counts.entrySet()) {
            h.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td>");
            countCells(e.getValue(), h);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void countCells(EnumMap<Severity, Integer> c, StringBuilder h) {
        int total = 0;
        for (Severity s : Severity.values()) {
            int n = c.getOrDefault(s, 0);
            total += n;
            h.append("<td class=\"n\">").append(n).append("</td>");
        }
        h.append("<td class=\"n\">").append(total).append("</td>");
    }

    private void findings(AnalysisResult result, StringBuilder h) {
        if (result.findings().isEmpty()) {
            return;
        }
        h.append("<h2>Findings</h2>\n");
        List<String> prints = Fingerprints.of(result);
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            String sev = f.severity().label();
            h.append("<div class=\"finding ").append(sev).append("\" id=\"f-").append(esc(prints.get(i)))
                    .append("\">\n<p><span class=\"sev\">").append(sev).append("</span> <code>")
                    .append(esc(f.location().toString())).append("</code> <a href=\"")
                    .append(esc(RuleLinks.page(f.ruleId()))).append("\">").append(esc(f.ruleId())).append("</a> ")
                    .append(esc(f.message()));
            if (!f.function().isEmpty()) {
                h.append(" <small>in <code>").append(esc(f.function())).append("()</code></small>");
            }
            h.append("</p>\n");
            excerpt(f, h);
            for (CallChain chain : f.chains()) {
                if (chain.steps().isEmpty()) {
                    continue;
                }
                h.append("<p>Call chain");
                if (chain.entry() != null && !chain.entry().isBlank()) {
                    h.append(" from <code>").append(esc(chain.entry()))
                            .append(chain.entry().endsWith(")") ? "" : "()").append("</code>");
                }
                h.append(":</p>\n<ol class=\"chain\">\n");
                for (ChainStep step : chain.steps()) {
                    h.append("<li><code>").append(esc(step.location().toString())).append("</code> ")
                            .append(esc(step.description())).append("</li>\n");
                }
                h.append("</ol>\n");
            }
            h.append("</div>\n");
        }
    }

    private void excerpt(Finding f, StringBuilder h) {
        Location at = f.location();
        List<String> lines = sourceLines(at.file());
        if (lines != null && at.line() > 0 && at.line() <= lines.size()) {
            int from = Math.max(1, at.line() - CONTEXT);
            int to = Math.min(lines.size(), at.line() + CONTEXT);
            int width = String.valueOf(to).length();
            h.append("<pre class=\"excerpt\">");
            for (int n = from; n <= to; n++) {
                String text = String.format(java.util.Locale.ROOT, "%" + width + "d  %s", n, lines.get(n - 1));
                if (n == at.line()) {
                    h.append("<span class=\"hit\">").append(esc(text)).append("</span>");
                } else {
                    h.append(esc(text));
                }
                h.append('\n');
            }
            h.append("</pre>\n");
        } else if (!f.snippet().isEmpty()) {
            h.append("<pre class=\"excerpt\"><span class=\"hit\">")
                    .append(at.line() > 0 ? at.line() + "  " : "").append(esc(f.snippet())).append("</span>\n</pre>\n");
        }
    }

    private List<String> sourceLines(String file) {
        if (sourceRoot == null || file.isEmpty()) {
            return null;
        }
        try {
            Path path = sourceRoot.resolve(file).normalize();
            if (!path.startsWith(sourceRoot.normalize()) || !Files.isRegularFile(path)) {
                return null;
            }
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8).replace("\t", "    ").lines().toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void problems(AnalysisResult result, StringBuilder h) {
        if (result.problems().isEmpty()) {
            return;
        }
        h.append("<h2>Input problems</h2>\n<ul class=\"problems\">\n");
        for (Problem p : result.problems()) {
            h.append("<li><code>").append(esc(p.location().toString())).append("</code> ")
                    .append(esc(p.kind().label())).append(" problem: ").append(esc(p.message())).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    /** Escapes text for HTML content and attribute values; keeps line breaks as they are. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (String part : text.split("\n", -1)) {
            b.append(Xml.escape(part.replace("\r", "").replace("\t", "    "))).append('\n');
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
