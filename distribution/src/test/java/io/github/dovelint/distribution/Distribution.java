package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built release archive and what the tests need around it: where it is (the build passes it
 * as system properties), unpacking it, the Java 17 runtime of the machine image, and running
 * commands with an environment of their own (none of the build's JAVA_HOME or PATH leaks in).
 */
final class Distribution {

    /** The Java 17 runtime the launcher is tested with (Debian's, on the CI image). */
    static final Path JAVA17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    private Distribution() {
    }

    static String version() {
        return property("dovelint.version");
    }

    static Path archive() {
        return Path.of(property("dovelint.archive"));
    }

    static Path zip() {
        return Path.of(property("dovelint.zip"));
    }

    /** The repository's root directory. */
    static Path repository() {
        return Path.of(property("dovelint.repository")).toAbsolutePath().normalize();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " not set: run the tests through Maven");
        }
        return value;
    }

    /** Skips the calling test, saying why, when the machine has no Java 17 runtime. */
    static void assumeJava17() {
        assumeTrue(Files.isExecutable(JAVA17.resolve("bin/java")),
                "no Java 17 runtime at " + JAVA17 + ": the launcher is not run on Java 17 here");
    }

    /** Unpacks the tar.gz archive into {@code dir} with tar (modes kept); the install's home, dovelint-VERSION/. */
    static Path unpack(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Run r = run(dir, Map.of("PATH", "/usr/bin:/bin"), "tar", "-xzf", archive().toString());
        assertEquals(0, r.exit(), r::toString);
        return dir.resolve("dovelint-" + version());
    }

    /** Copies the sample {@code name} (samples/NAME) to {@code target}. */
    static void copySample(String name, Path target) throws IOException {
        Path from = repository().resolve("samples").resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        }
    }

    /** Writes an executable POSIX shell script. */
    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        file.toFile().setExecutable(true);
        return file;
    }

    /** Where a release's archive is downloaded from: the GitHub release of tag vVERSION. */
    static String releaseUrl(String version) {
        return "https://github.com/dovelint/dovelint/releases/download/v" + version + "/dovelint-" + version
                + ".tar.gz";
    }

    /**
     * A {@code curl} in {@code dir} standing in for the download of the CI files: for the release URL
     * of this build's version it prints the built archive, for any other it fails as curl -f would;
     * it appends each URL asked for to {@code log}.
     */
    static Path fakeCurl(Path dir, Path log) throws IOException {
        return script(dir.resolve("curl"), """
                for url; do :; done
                echo "$url" >> '%s'
                if [ "$url" = '%s' ]; then exec cat '%s'; fi
                echo "curl: (22) The requested URL returned error: 404" >&2
                exit 22
                """.formatted(log, releaseUrl(version()), archive()));
    }

    /** Reads a YAML file (the CI files) as maps, lists and strings. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        org.snakeyaml.engine.v2.api.Load load = new org.snakeyaml.engine.v2.api.Load(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build());
        return (Map<String, Object>) load.loadFromString(Files.readString(file));
    }

    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code command} in {@code dir} with exactly the environment {@code env}; ten minutes at most. */
    static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        return run(dir, env, List.of(command));
    }

    static Run run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("dovelint-it", ".out");
        Path err = Files.createTempFile("dovelint-it", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            // Generous: a run takes seconds, but a CI machine shared with other builds can be
            // thirty times slower; this is for a launcher that hangs, not for a slow one.
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("timed out after ten minutes: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** An environment: {@code LANG} and the given pairs. */
    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("LANG", "C.UTF-8");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
