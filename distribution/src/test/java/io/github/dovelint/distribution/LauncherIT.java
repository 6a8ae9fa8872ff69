package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of a Java runtime, with fake ones: a script answering {@code -version} as
 * an old or a new Java would, and printing the arguments it is run with.
 */
class LauncherIT {

    @TempDir
    static Path tmp;

    static Path launcher;

    /** A directory with the commands the launcher uses, and no java. */
    static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        launcher = Distribution.unpack(tmp.resolve("install")).resolve("bin/dovelint");
        tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : new String[] {"sed", "ls", "dirname", "head"}) {
            Path real = Files.isExecutable(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
    }

    /** A JAVA_HOME whose bin/java says {@code versionLine} to -version, and else prints its arguments. */
    private static Path fakeJavaHome(String name, String versionLine) throws IOException {
        Path home = tmp.resolve(name);
        Distribution.script(home.resolve("bin/java"), """
                if [ "$1" = -version ]; then printf '%%s\\n' '%s' >&2; exit 0; fi
                echo "$@"
                """.formatted(versionLine));
        return home;
    }

    private static Distribution.Run launch(String... env) throws Exception {
        return launchWith(List.of("check", "a b.c"), env);
    }

    private static Distribution.Run launchWith(List<String> args, String... env) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", launcher.toString()));
        command.addAll(args);
        return Distribution.run(tmp, Distribution.env(env), command.toArray(String[]::new));
    }

    @Test
    void noJavaAnywhereSaysSoAndHowToGetOne() throws Exception {
        Distribution.Run r = launch("PATH", tools.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dovelint: no Java runtime found: dovelint needs Java 17 or newer; install one (Debian, Ubuntu:"
                + " apt-get install openjdk-17-jre-headless) and put its bin on PATH, or set JAVA_HOME to it\n", r.err());
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Distribution.Run r = launch("PATH", tools.toString(), "JAVA_HOME", tmp.resolve("nowhere").toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dovelint: JAVA_HOME is " + tmp.resolve("nowhere") + ", which has no bin/java; set JAVA_HOME to"
                + " a Java 17 or newer runtime, or unset it to use the java on PATH\n", r.err());
    }

    @Test
    void java11IsTooOld() throws Exception {
        Path java11 = fakeJavaHome("java11", "openjdk version \"11.0.22\" 2024-01-16");
        Distribution.Run r = launch("PATH", tools.toString(), "JAVA_HOME", java11.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dovelint: " + java11.resolve("bin/java") + " is Java 11 (11.0.22); dovelint needs Java 17 or"
                + " newer: set JAVA_HOME to a newer runtime\n", r.err());
        assertEquals("", r.out(), "not run");
    }

    @Test
    void java8OnPathIsTooOld() throws Exception {
        Path java8 = fakeJavaHome("java8", "java version \"1.8.0_392\"");
        Distribution.Run r = launch("PATH", java8.resolve("bin") + ":" + tools);
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dovelint: " + java8.resolve("bin/java") + " is Java 8 (1.8.0_392); dovelint needs Java 17 or"
                + " newer: set JAVA_HOME to a newer runtime\n", r.err());
    }

    @Test
    void aJavaThatDoesNotSayItsVersionIsNotRun() throws Exception {
        Path odd = fakeJavaHome("odd", "Segmentation fault");
        Distribution.Run r = launch("PATH", tools.toString(), "JAVA_HOME", odd.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dovelint: cannot tell which Java " + odd.resolve("bin/java") + " is (it says: Segmentation"
                + " fault); dovelint needs Java 17 or newer\n", r.err());
    }

    @Test
    void java25RunsTheJarWithTheDefaultsThenTheUsersOptionsThenTheArguments() throws Exception {
        // JAVA_TOOL_OPTIONS makes java say so before its version
        Path java25 = fakeJavaHome("java25", "Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\n"
                + "openjdk version \"25\" 2025-09-16");
        Distribution.Run r = launch("PATH", tools.toString(), "JAVA_HOME", java25.toString(),
                "DOVELINT_JAVA_OPTS", "-Xmx6g  -Dx=*");
        assertEquals(0, r.exit(), r::toString);
        Path jar = launcher.getParent().getParent().toRealPath().resolve("lib/dovelint.jar");
        assertEquals("-XX:MaxRAMPercentage=75 -Xmx6g -Dx=* -jar " + jar + " check a b.c\n", r.out());
    }

    @Test
    void aDerivationRunsWithTheThroughputCollector() throws Exception {
        Path java25 = fakeJavaHome("java25", "openjdk version \"25\" 2025-09-16");
        Distribution.Run r = launchWith(List.of("kb", "derive", "tree", "-o", "k.kdb"), "PATH", tools.toString(),
                "JAVA_HOME", java25.toString());
        assertEquals(0, r.exit(), r::toString);
        Path jar = launcher.getParent().getParent().toRealPath().resolve("lib/dovelint.jar");
        assertEquals("-XX:MaxRAMPercentage=75 -XX:+UseParallelGC -jar " + jar + " kb derive tree -o k.kdb\n",
                r.out());
    }
}
