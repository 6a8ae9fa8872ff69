package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ci/github-actions.yml, run as a runner would run it: its {@code run:} steps, verbatim, in
 * order, with the shell its {@code defaults} name, on a checkout holding a sample where the first
 * matrix entry's tree is. What the runner provides is emulated: {@code GITHUB_PATH} (its lines
 * prepended to the next steps' PATH), {@code RUNNER_TEMP}, the steps' {@code env:} with the
 * matrix values, the workflow's {@code env:} (the version: this build's), setup-java's Java 17,
 * and the network (a curl serving the built archive for the release URL).
 */
class GitHubActionsExampleIT {

    private static final Pattern MATRIX = Pattern.compile("\\$\\{\\{ *matrix\\.([a-z-]+) *}}");

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowInstallsTheArchiveAnnotatesAndWritesTheSarifItUploads() throws Exception {
        Distribution.assumeJava17();
        Map<String, Object> workflow = Distribution.yaml(Distribution.repository().resolve("docs/ci/github-actions.yml"));
        Map<String, Object> globalEnv = (Map<String, Object>) workflow.get("env");
        assertTrue(globalEnv.containsKey("DOVELINT_VERSION"), "the version is set once, at the top");
        assertEquals("bash", ((Map<String, Map<String, Object>>) workflow.get("defaults")).get("run").get("shell"));
        Map<String, Object> job = ((Map<String, Map<String, Object>>) workflow.get("jobs")).get("dovelint");
        List<Map<String, String>> matrix = (List<Map<String, String>>) ((Map<String, Object>)
                ((Map<String, Object>) job.get("strategy")).get("matrix")).get("include");
        assertTrue(matrix.size() >= 2, "one job per tree, each with its category");
        Map<String, String> first = matrix.get(0);

        Path workspace = Files.createDirectories(tmp.resolve("workspace"));
        Distribution.copySample("sleep-direct", workspace.resolve(first.get("tree")));
        Path runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
        Path githubPath = Files.createFile(tmp.resolve("github-path"));
        Path curlLog = tmp.resolve("curl.log");
        Path network = Files.createDirectories(tmp.resolve("network"));
        Distribution.fakeCurl(network, curlLog);
        String basePath = network + ":" + Distribution.JAVA17.resolve("bin") + ":/usr/bin:/bin";

        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        List<String> ran = new ArrayList<>();
        Distribution.Run check = null;
        for (Map<String, Object> step : steps) {
            String script = (String) step.get("run");
            if (script == null) {
                continue;
            }
            assertFalse(script.contains("${{"), "expressions go through env:, not into the script: " + script);
            Map<String, String> env = Distribution.env("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                    "JAVA_HOME", Distribution.JAVA17.toString(), "RUNNER_TEMP", runnerTemp.toString(),
                    "GITHUB_PATH", githubPath.toString(), "GITHUB_WORKSPACE", workspace.toString(),
                    "DOVELINT_VERSION", Distribution.version());
            List<String> added = new ArrayList<>(Files.readAllLines(githubPath));
            java.util.Collections.reverse(added);   // the runner puts the last line added first
            added.add(basePath);
            env.put("PATH", String.join(":", added));
            Map<String, Object> stepEnv = (Map<String, Object>) step.getOrDefault("env", Map.of());
            stepEnv.forEach((name, value) -> env.put(name, matrixValue(String.valueOf(value), first)));
            Path file = Files.writeString(tmp.resolve("step-" + ran.size() + ".sh"), script);
            Distribution.Run r = Distribution.run(workspace, env, "bash", "--noprofile", "--norc", "-eo", "pipefail",
                    file.toString());
            ran.add(String.valueOf(step.get("name")));
            if (script.contains("dovelint check")) {
                check = r;
            } else {
                assertEquals(0, r.exit(), () -> step.get("name") + ":\n" + r);
            }
        }
        assertEquals(List.of("Install dovelint", "Check"), ran);
        assertEquals(List.of(Distribution.releaseUrl(Distribution.version())), Files.readAllLines(curlLog),
                "the release archive is downloaded, once");

        Distribution.Run r = check;
        assertEquals(1, r.exit(), () -> "findings fail the check step\n" + r);
        String tree = first.get("tree");
        assertTrue(r.out().startsWith("::error file=" + tree + "/hooks.c,line=44,col=2,title=DL101 "), r::toString);
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("dovelint.sarif").toFile());
        JsonNode run = sarif.path("runs").path(0);
        assertEquals(first.get("category") + "/", run.path("automationDetails").path("id").asText(),
                "the SARIF run is filed under the category");
        assertTrue(run.path("results").size() > 0, "the SARIF report has the findings");

        Map<String, Object> upload = steps.get(steps.size() - 1);
        assertTrue(String.valueOf(upload.get("uses")).startsWith("github/codeql-action/upload-sarif@"), upload::toString);
        assertEquals("dovelint.sarif", ((Map<String, Object>) upload.get("with")).get("sarif_file"));
        assertTrue(String.valueOf(upload.get("if")).contains("!cancelled()"), "uploads also when the check failed");
    }

    /** A step's env value with its {@code ${{ matrix.X }}} replaced by the matrix entry's X. */
    private static String matrixValue(String value, Map<String, String> entry) {
        Matcher m = MATRIX.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            assertTrue(entry.containsKey(key), "matrix." + key + " is in the matrix");
            m.appendReplacement(out, Matcher.quoteReplacement(entry.get(key)));
        }
        m.appendTail(out);
        assertFalse(out.toString().contains("${{"), "the test knows only matrix values: " + value);
        return out.toString();
    }
}
