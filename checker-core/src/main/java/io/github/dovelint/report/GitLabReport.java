package io.github.dovelint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GitLab Code Quality JSON (the {@code artifacts:reports:codequality} report
 * that merge requests show): an array of issues,
 *
 * <pre>
 * [ {
 *   "description": "kmalloc() ... [DL101]",
 *   "check_name": "DL101",
 *   "fingerprint": "3f2a...",           (the line-independent {@link Fingerprints fingerprint})
 *   "severity": "critical" | "major" | "minor",
 *   "location": { "path": "samples/sleep/core.c", "lines": { "begin": 12 } },
 *   "categories": [ "Bug Risk" ],
 *   "type": "issue",
 *   "engine_name": "dovelint"
 * } ]
 * </pre>
 *
 * Errors are {@code critical}, warnings {@code major}, notes {@code minor}.
 * Input problems are not issues and are left out, except that each file that
 * could not be analysed gets a {@code blocker} issue named
 * {@value #NOT_ANALYSED} (the format has no place for run metadata). A location without a line
 * gets line 1 (GitLab requires one).
 */
public final class GitLabReport implements ReportWriter {

    @Override
    public String formatName() {
        return "gitlab";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        ArrayNode issues = JsonOutput.object().arrayNode();
        List<String> prints = Fingerprints.of(result);
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            ObjectNode issue = issues.addObject();
            issue.put("description", f.message() + " [" + f.ruleId() + "]");
            issue.put("check_name", f.ruleId());
            issue.put("fingerprint", prints.get(i));
            issue.put("severity", switch (f.severity()) {
                case ERROR -> "critical";
                case WARNING -> "major";
                case NOTE -> "minor";
            });
            ObjectNode location = issue.putObject("location");
            location.put("path", f.location().file());
            location.putObject("lines").put("begin", Math.max(1, f.location().line()));
            issue.putArray("categories").add("Bug Risk");
            issue.put("type", "issue");
            issue.put("engine_name", "dovelint");
        }
        for (String file : result.notAnalysed()) {
            ObjectNode issue = issues.addObject();
            issue.put("description", "dovelint could not analyse this file: the report is incomplete");
            issue.put("check_name", NOT_ANALYSED);
            issue.put("fingerprint", notAnalysedFingerprint(file));
            issue.put("severity", "blocker");
            ObjectNode location = issue.putObject("location");
            location.put("path", file);
            location.putObject("lines").put("begin", 1);
            issue.putArray("categories").add("Bug Risk");
            issue.put("type", "issue");
            issue.put("engine_name", "dovelint");
        }
        JsonOutput.write(issues, out);
    }

    /** The check name of the issue each file that could not be analysed gets. */
    public static final String NOT_ANALYSED = "dovelint-not-analysed";

    private static String notAnalysedFingerprint(String file) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((NOT_ANALYSED + "\0" + file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
