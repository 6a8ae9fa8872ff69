package io.github.dovelint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;

/**
 * dovelint's own JSON document, for scripts and dashboards that want the
 * findings without learning SARIF. Its shape is a public interface: keys are
 * only ever added (and {@code reportVersion} bumped when one changes meaning),
 * and always appear in this order:
 *
 * <pre>
 * {
 *   "reportVersion": 1,
 *   "tool": { "name": "dovelint", "version": "0.1.0" },
 *   "findings": [ {
 *     "ruleId": "DL101", "ruleName": "hook-may-sleep",
 *     "severity": "error" | "warning" | "note",
 *     "message": "...",
 *     "location": { "file": "samples/sleep/core.c", "line": 12, "column": 9 },
 *     "function": "evl_add_entry",        ("" at file scope)
 *     "snippet": "p = kmalloc(...);",      (trimmed source line, may be "")
 *     "fingerprint": "3f2a...",           (see {@link Fingerprints})
 *     "chains": [ {
 *       "entry": "install_inband_fd",
 *       "steps": [ { "file": "...", "line": 40, "column": 6, "description": "..." } ]
 *     } ]
 *   } ],
 *   "problems": [ {
 *     "kind": "parse" | "input" | "config",
 *     "location": { "file": "...", "line": 3, "column": 1 },
 *     "message": "..."
 *   } ],
 *   "files": 12,          (number of analysed files)
 *   "lines": 3456,        (number of analysed source lines)
 *   "summary": { "errors": 3, "warnings": 1, "notes": 0 },
 *   "configDigest": "sha256:...",   (of the configuration files and options; "" when unknown)
 *   "complete": true,     (false when a file could not be analysed or an input problem occurred:
 *                          a gate should refuse such a report)
 *   "notAnalysed": [ "bin/blob.c" ]   (files skipped, unreadable, undecodable, ...)
 *   "outOfReach": [ "drivers/x.c" ]   (only when not empty: files no rule can look at, not parsed)
 *   "idle": [ { "rules": [ "DL101", ... ], "missing": "hook definition" } ]
 *            (only when not empty: rules that had nothing to check, and what the run lacks for them)
 * }
 * </pre>
 *
 * Paths are relative to the checked root with {@code /} separators; lines and
 * columns are 1-based, 0 meaning unknown. Findings and problems are in the
 * (sorted) order of the {@link AnalysisResult}.
 */
public final class JsonReport implements ReportWriter {

    /** Bumped when a key changes meaning or disappears; adding keys does not bump it. */
    public static final int REPORT_VERSION = 1;

    @Override
    public String formatName() {
        return "json";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        JsonOutput.write(document(result), out);
    }

    private static ObjectNode document(AnalysisResult result) {
        ObjectNode root = JsonOutput.object();
        root.put("reportVersion", REPORT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "dovelint");
        tool.put("version", result.toolVersion());
        ArrayNode findings = root.putArray("findings");
        List<String> fingerprints = Fingerprints.of(result);
        for (int i = 0; i < result.findings().size(); i++) {
            findings.add(finding(result.findings().get(i), fingerprints.get(i)));
        }
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : result.problems()) {
            ObjectNode node = problems.addObject();
            node.put("kind", problem.kind().label());
            node.set("location", location(problem.location()));
            node.put("message", problem.message());
        }
        root.put("files", result.files().size());
        root.put("lines", result.lines());
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("notes", result.count(Severity.NOTE));
        root.put("configDigest", result.configDigest());
        root.put("complete", result.complete());
        ArrayNode notAnalysed = root.putArray("notAnalysed");
        result.notAnalysed().forEach(notAnalysed::add);
        if (!result.outOfReach().isEmpty()) {
            ArrayNode outOfReach = root.putArray("outOfReach");
            result.outOfReach().forEach(outOfReach::add);
        }
        if (!result.idle().isEmpty()) {
            ArrayNode idle = root.putArray("idle");
            for (IdleRules group : result.idle()) {
                ObjectNode node = idle.addObject();
                ArrayNode rules = node.putArray("rules");
                group.rules().forEach(rules::add);
                node.put("missing", group.missing());
            }
        }
        return root;
    }

    private static ObjectNode finding(Finding finding, String fingerprint) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", finding.ruleId());
        node.put("ruleName", finding.ruleName() == null ? "" : finding.ruleName());
        node.put("severity", finding.severity().label());
        node.put("message", finding.message());
        node.set("location", location(finding.location()));
        node.put("function", finding.function());
        node.put("snippet", finding.snippet());
        node.put("fingerprint", fingerprint);
        ArrayNode chains = node.putArray("chains");
        for (CallChain chain : finding.chains()) {
            ObjectNode chainNode = chains.addObject();
            chainNode.put("entry", chain.entry() == null ? "" : chain.entry());
            ArrayNode steps = chainNode.putArray("steps");
            for (ChainStep step : chain.steps()) {
                ObjectNode stepNode = steps.addObject();
                stepNode.put("file", step.location().file());
                stepNode.put("line", step.location().line());
                stepNode.put("column", step.location().column());
                stepNode.put("description", step.description() == null ? "" : step.description());
            }
        }
        return node;
    }

    private static ObjectNode location(Location where) {
        ObjectNode node = JsonOutput.object();
        node.put("file", where.file());
        node.put("line", where.line());
        node.put("column", where.column());
        return node;
    }
}
