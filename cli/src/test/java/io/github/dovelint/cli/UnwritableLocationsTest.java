package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache folder that cannot be written (a file in the way, read-only, a full disk): the run
 * reports as without the cache and warns once. A report that cannot be written (a folder that
 * cannot be made, read-only, a full disk): exit 2, a clear message, nothing left behind
 * (docs/robustness.md#an-unusable-cache-or-report-location).
 *
 * <p>The tests run as root here, which no permission stops, so read-only and full folders are
 * small tmpfs mounts; where mounting is not allowed (most CI machines, a user without root)
 * those tests are skipped, saying so.
 */
class UnwritableLocationsTest {

    @TempDir
    Path dir;

    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            run("umount", m.toString());
        }
    }

    /** Mounts a tmpfs with {@code options} at a new folder {@code name}; skips the test where that is not allowed. */
    private Path tmpfs(String name, String options) throws Exception {
        Path at = Files.createDirectories(dir.resolve(name));
        boolean mounted = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString()) == 0;
        Assumptions.assumeTrue(mounted, "skipped: this machine does not allow mounting a tmpfs (needs root"
                + " and mount permission), which this test needs for a read-only or full folder");
        mounts.add(at);
        return at;
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1; // no mount command
        }
    }

    /** A tree with findings in a few files, so that the cache has several entries to write. */
    private Path tree() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("hook.c"), CheckCommandTest.SLEEPING_HOOK, StandardCharsets.UTF_8);
        for (int k = 0; k < 40; k++) {
            StringBuilder body = new StringBuilder();
            for (int f = 0; f < 20; f++) {
                body.append("void f").append(k).append('_').append(f).append("(int a) { if (a) g").append(f)
                        .append("(a + ").append(k).append("); else h(a, ").append(f).append("); }\n");
            }
            Files.writeString(tree.resolve("f" + k + ".c"), body.toString(), StandardCharsets.UTF_8);
        }
        return tree;
    }

    private static Cli.Result check(Path tree, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--root", tree.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        args.add(tree.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    /** The run with an unusable cache: the report and exit of a run without one, and one warning. */
    private void assertRunsWithoutTheCache(Path tree, Path cache, String why) {
        Cli.Result without = check(tree, "--no-cache");
        Cli.Result with = check(tree, "--cache-dir", cache.toString());
        assertEquals(1, without.exit(), without::toString);
        assertEquals(without.exit(), with.exit(), with::toString);
        assertArrayEquals(without.outBytes(), with.outBytes(), "the same report as without the cache");
        assertEquals(1, count(with.err(), "dovelint: warning: the cache in "), with.err());
        assertTrue(with.err().contains("is off for this run: cannot write ") && lower(with.err()).contains(lower(why)),
                with.err());
        assertFalse(without.err().contains("cache"), without.err());
    }

    @Test
    void aCacheFolderThatIsAFileTurnsTheCacheOffWithOneWarning() throws Exception {
        Path tree = tree();
        Path file = Files.writeString(dir.resolve("cache-file"), "not a folder\n");
        assertRunsWithoutTheCache(tree, file, "not a directory");
        assertRunsWithoutTheCache(tree, file.resolve("below"), "not a directory");
        assertEquals("not a folder\n", Files.readString(file), "the file in the way is left as it was");
    }

    @Test
    void aReadOnlyCacheFolderTurnsTheCacheOffWithOneWarning() throws Exception {
        Path tree = tree();
        Path ro = tmpfs("ro", "ro,size=64k");
        assertRunsWithoutTheCache(tree, ro.resolve("cache"), "Read-only file system");
        assertRunsWithoutTheCache(tree, ro, "Read-only file system");
    }

    @Test
    void aCacheOnAFullDiskTurnsTheCacheOffWithOneWarningAndLeavesNoTemporaryFile() throws Exception {
        Path tree = tree();
        Path full = tmpfs("full", "size=64k");
        assertRunsWithoutTheCache(tree, full.resolve("cache"), "No space left on device");
        try (Stream<Path> files = Files.walk(full)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left on the full disk");
        }
        // the entries that fitted are good ones: a second run over them reports the same
        assertRunsWithoutTheCache(tree, full.resolve("cache"), "No space left on device");
    }

    // ---- reports ----

    private static void assertCannotWrite(Cli.Result r, Path report, String why) {
        assertEquals(Main.EXIT_USAGE, r.exit(), r::toString);
        assertEquals("", r.out(), "no report on standard output instead");
        assertTrue(r.err().startsWith("dovelint: cannot write the report to " + report + ": "), r.err());
        assertTrue(lower(r.err()).contains(lower(why)), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    private static List<String> left(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aReportUnderAFileIsAClearErrorWithExitTwo() throws Exception {
        Path tree = tree();
        Path file = Files.writeString(dir.resolve("in-the-way"), "x\n");
        Path report = file.resolve("out/report.json");
        assertCannotWrite(check(tree, "--no-cache", "--output", report.toString()), report, "not a directory");
        assertEquals("x\n", Files.readString(file));
    }

    @Test
    void aReportInAReadOnlyFolderIsAClearErrorWithExitTwo() throws Exception {
        Path tree = tree();
        Path ro = tmpfs("ro-report", "ro,size=64k");
        Path report = ro.resolve("report.json");
        assertCannotWrite(check(tree, "--no-cache", "--output", report.toString()), report, "Read-only file system");
        assertEquals(List.of(), left(ro));
        Path below = ro.resolve("missing/report.json");
        assertCannotWrite(check(tree, "--no-cache", "--output", below.toString()), below, "Read-only file system");
        assertEquals(List.of(), left(ro));
    }

    @Test
    void aReportOnAFullDiskIsAClearErrorWithExitTwoAndThePreviousReportStays() throws Exception {
        Path tree = tree();
        Path full = tmpfs("full-report", "size=64k");
        Path report = full.resolve("report.json");
        Files.writeString(report, "{\"previous\": true}\n");
        // fill what is left: the new report cannot fit
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(full.resolve("filler"))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException expected) {
            // no space left
        }
        assertCannotWrite(check(tree, "--no-cache", "--output", report.toString()), report,
                "No space left on device");
        assertEquals("{\"previous\": true}\n", Files.readString(report), "the previous report is untouched");
        assertEquals(List.of("filler", "report.json"), left(full), "no partial or temporary file");
    }
}
