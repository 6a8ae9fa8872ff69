package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ci/gitlab-ci.yml, run as GitLab's runner runs a job with a bash shell: its
 * {@code before_script:} and {@code script:} lines, verbatim, in one {@code set -eo pipefail}
 * shell, with the job's {@code variables:} (the version: this build's), in a project directory
 * holding a sample; the image's Java is the machine's Java 17, the network a curl serving the
 * built archive for the release URL.
 */
class GitLabTemplateIT {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void theJobInstallsTheArchiveAndWritesTheCodeQualityReport() throws Exception {
        Distribution.assumeJava17();
        Map<String, Object> job = (Map<String, Object>) Distribution.yaml(
                Distribution.repository().resolve("docs/ci/gitlab-ci.yml")).get("dovelint");
        Map<String, Object> variables = (Map<String, Object>) job.get("variables");
        List<String> lines = new ArrayList<>((List<String>) job.get("before_script"));
        lines.addAll((List<String>) job.get("script"));

        Path project = Files.createDirectories(tmp.resolve("project"));
        Distribution.copySample("sleep-direct", project.resolve("sleep-direct"));
        Path curlLog = tmp.resolve("curl.log");
        Path network = Files.createDirectories(tmp.resolve("network"));
        Distribution.fakeCurl(network, curlLog);
        Map<String, String> env = Distribution.env("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "JAVA_HOME", Distribution.JAVA17.toString(), "CI_PROJECT_DIR", project.toString(),
                "PATH", network + ":" + Distribution.JAVA17.resolve("bin") + ":/usr/bin:/bin");
        variables.forEach((name, value) -> env.put(name, String.valueOf(value)));
        env.put("DOVELINT_VERSION", Distribution.version());

        Path script = Files.writeString(tmp.resolve("job.sh"), "set -eo pipefail\n" + String.join("\n", lines) + "\n");
        Distribution.Run r = Distribution.run(project, env, "bash", "--noprofile", "--norc", script.toString());

        assertEquals(1, r.exit(), () -> "findings fail the job\n" + r);
        assertEquals(List.of(Distribution.releaseUrl(Distribution.version())), Files.readAllLines(curlLog));
        assertTrue(r.out().startsWith(ArchiveIT.FINDING), "the text report in the log\n" + r);
        Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
        assertEquals("always", artifacts.get("when"), "the report is kept when the job fails");
        String report = (String) ((Map<String, Object>) artifacts.get("reports")).get("codequality");
        JsonNode issues = new ObjectMapper().readTree(project.resolve(report).toFile());
        assertTrue(issues.isArray() && issues.size() > 0, issues::toString);
        assertEquals("DL101", issues.get(0).path("check_name").asText(), issues::toString);
        assertEquals("sleep-direct/hooks.c", issues.get(0).path("location").path("path").asText(), issues::toString);
    }
}
