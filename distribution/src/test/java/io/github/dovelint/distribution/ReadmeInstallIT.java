package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Install" and "Quick start" as a new user runs them: the install block in one
 * bash, in a home of the test's, with Java 17 on PATH and the network a curl serving the built
 * archive for the release URL; then each quick-start line, after the install's {@code export},
 * in a directory whose {@code path/to/core} is a sample. Verbatim but for the version: the README
 * names the release (this build's version without {@code -SNAPSHOT}), the test the one it built.
 */
class ReadmeInstallIT {

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    static List<String> shLines(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the README has a section " + heading);
        Matcher m = SH_BLOCK.matcher(readme.substring(start, readme.indexOf("\n## ", start + 1)));
        assertTrue(m.find(), "a sh block in " + heading);
        String release = Distribution.version().replace("-SNAPSHOT", "");
        return m.group(1).replace(release, Distribution.version()).lines().toList();
    }

    @Test
    void theInstallThenTheQuickStartFromTheArchiveAlone() throws Exception {
        Distribution.assumeJava17();
        String readme = Files.readString(Distribution.repository().resolve("README.md"));
        List<String> install = shLines(readme, "## Install");
        List<String> quickStart = shLines(readme, "## Quick start");
        String export = install.stream().filter(l -> l.startsWith("export PATH=")).findFirst().orElseThrow();

        Path home = Files.createDirectories(tmp.resolve("home"));
        Path curlLog = tmp.resolve("curl.log");
        Path network = Files.createDirectories(tmp.resolve("network"));
        Distribution.fakeCurl(network, curlLog);
        Map<String, String> env = Distribution.env("HOME", home.toString(),
                "PATH", network + ":" + Distribution.JAVA17.resolve("bin") + ":/usr/bin:/bin");

        Distribution.Run installed = Distribution.run(home, env, "bash", "--noprofile", "--norc", "-e", "-o",
                "pipefail", "-c", String.join("\n", install));
        assertEquals(0, installed.exit(), installed::toString);
        assertTrue(installed.out().contains("dovelint " + Distribution.version()), installed::toString);
        assertEquals(List.of(Distribution.releaseUrl(Distribution.version())), Files.readAllLines(curlLog));

        Path work = Files.createDirectories(tmp.resolve("work"));
        Distribution.copySample("sleep-direct", work.resolve("path/to/core"));
        assertEquals(3, quickStart.size(), quickStart::toString);
        Distribution.Run check = quickStart(work, env, export, quickStart.get(0));
        assertEquals(1, check.exit(), check::toString);
        assertTrue(check.out().startsWith(ArchiveIT.FINDING.replace("sleep-direct/", "path/to/core/")), check::toString);
        Distribution.Run rules = quickStart(work, env, export, quickStart.get(1));
        assertEquals(0, rules.exit(), rules::toString);
        assertTrue(rules.out().contains("DL101"), rules::toString);
        Distribution.Run reports = quickStart(work, env, export, quickStart.get(2));
        assertEquals(1, reports.exit(), reports::toString);
        assertTrue(Files.readString(work.resolve("dovelint.sarif")).contains("\"DL101\""));
        assertTrue(Files.readString(work.resolve("dovelint.html")).contains("DL101"));
    }

    private static Distribution.Run quickStart(Path dir, Map<String, String> env, String export, String line)
            throws Exception {
        return Distribution.run(dir, env, "bash", "--noprofile", "--norc", "-c", export + "\n" + line);
    }
}
