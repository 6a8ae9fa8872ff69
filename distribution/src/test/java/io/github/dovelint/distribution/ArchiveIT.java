package io.github.dovelint.distribution;

import static io.github.dovelint.distribution.Distribution.JAVA17;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archives: what they hold, and the unpacked launcher checking a sample on Java 17. */
class ArchiveIT {

    /** The first finding of samples/sleep-direct, as the text report prints it. */
    static final String FINDING = "sleep-direct/hooks.c:44:2: error: mutex_lock() may sleep";

    @TempDir
    static Path tmp;

    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        home = Distribution.unpack(tmp.resolve("install"));
        Distribution.copySample("sleep-direct", tmp.resolve("work/sleep-direct"));
    }

    @Test
    void theTarAndTheZipHoldTheLaunchersTheJarTheMavenRepositoryTheRulePagesReadmeAndLicense() throws Exception {
        String top = "dovelint-" + Distribution.version() + "/";
        List<String> expected = new ArrayList<>(List.of("bin/dovelint", "bin/dovelint.bat", "lib/dovelint.jar",
                "README.md", "LICENSE", "docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"));
        for (String artifact : List.of("dovelint-parent", "dovelint-checker-core", "dovelint-rules",
                "dovelint-maven-plugin")) {
            String file = "maven/io/github/dovelint/" + artifact + "/" + Distribution.version() + "/" + artifact + "-"
                    + Distribution.version();
            for (String type : artifact.equals("dovelint-parent") ? List.of(".pom") : List.of(".pom", ".jar")) {
                for (String checksum : List.of("", ".sha1", ".md5")) {
                    expected.add(file + type + checksum);
                }
            }
        }
        try (Stream<Path> pages = Files.list(Distribution.repository()
                .resolve("rules/src/main/resources/io/github/dovelint/rules/pages"))) {
            pages.map(p -> "docs/rules/" + p.getFileName()).forEach(expected::add);
        }
        TreeSet<String> inTar = new TreeSet<>();
        Distribution.Run listing = Distribution.run(tmp, Map.of("PATH", "/usr/bin:/bin"), "tar", "-tzf",
                Distribution.archive().toString());
        assertEquals(0, listing.exit(), listing::toString);
        listing.out().lines().filter(l -> !l.endsWith("/")).forEach(l -> inTar.add(l.substring(top.length())));
        assertEquals(new TreeSet<>(expected), inTar, "the tar.gz");
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile zip = new ZipFile(Distribution.zip().toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> {
                assertTrue(e.getName().startsWith(top), e.getName());
                inZip.add(e.getName().substring(top.length()));
            });
            ZipEntry bat = zip.getEntry(top + "bin/dovelint.bat");
            String text = new String(zip.getInputStream(bat).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF line ends in the .bat");
        }
        assertEquals(inTar, inZip, "the zip holds what the tar.gz does");
        assertTrue(Files.isExecutable(home.resolve("bin/dovelint")), "bin/dovelint unpacks executable");
        assertEquals(Files.readString(Distribution.repository().resolve("LICENSE")),
                Files.readString(home.resolve("LICENSE")));
    }

    @Test
    void theLauncherChecksASampleWithTheJava17OfJavaHome() throws Exception {
        Distribution.assumeJava17();
        Distribution.Run r = Distribution.run(tmp.resolve("work"),
                Distribution.env("JAVA_HOME", JAVA17.toString(), "PATH", "/usr/bin:/bin"),
                home.resolve("bin/dovelint").toString(), "check", "--no-cache", "sleep-direct");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith(FINDING), r::toString);
        assertTrue(r.out().lines().findFirst().orElseThrow().endsWith("[DL101]"), r::toString);
    }

    @Test
    void theLauncherTakesTheJavaOnPathThroughASymbolicLink() throws Exception {
        Distribution.assumeJava17();
        Path onPath = tmp.resolve("path-bin");
        Files.createDirectories(onPath);
        Files.deleteIfExists(onPath.resolve("dovelint"));
        Files.createSymbolicLink(onPath.resolve("dovelint"), home.resolve("bin/dovelint"));
        Distribution.Run r = Distribution.run(tmp.resolve("work"),
                Distribution.env("PATH", onPath + ":" + JAVA17.resolve("bin") + ":/usr/bin:/bin"),
                // through the shell, which looks dovelint up on the PATH given (ProcessBuilder would use the build's)
                "/bin/sh", "-c", "dovelint check --no-cache --format json --output dovelint.json --format github"
                        + " sleep-direct");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("::error file=sleep-direct/hooks.c,line=44,col=2,title=DL101 "), r::toString);
        assertTrue(Files.readString(tmp.resolve("work/dovelint.json")).contains("\"DL101\""));
    }

    @Test
    void optionsFromDovelintJavaOptsReachTheJvmAfterTheDefaults() throws Exception {
        Distribution.assumeJava17();
        Distribution.Run r = Distribution.run(tmp, Distribution.env("JAVA_HOME", JAVA17.toString(),
                        "PATH", "/usr/bin:/bin", "DOVELINT_JAVA_OPTS", "-Xmx300m -XX:+PrintCommandLineFlags"),
                home.resolve("bin/dovelint").toString(), "--version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("-XX:MaxHeapSize=314572800"), "the user's -Xmx wins\n" + r);
        assertTrue(r.out().contains("-XX:MaxRAMPercentage=75"), "the default heap share\n" + r);
        assertTrue(r.out().contains("dovelint " + Distribution.version()), r::toString);
    }
}
