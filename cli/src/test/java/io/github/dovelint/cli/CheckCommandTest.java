package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    static final String HOOK_DECLS = """
            struct file;
            struct files_struct;
            void ssleep(unsigned int msecs);
            """;

    /** What a run over one install hook and nothing else had nothing to check. */
    static final String IDLE = "dovelint: nothing to check for DL104, DL203 (no uninstall_inband_fd definition);"
            + " DL205 (no access to the oob pointer (oob_data, f_oob_ctx, f_oob_state.data) or call to a core's oob open or release helper); DL206 (no replace_inband_fd definition);"
            + " DL301 (no fd-table read); DL302 (no RCU fd lookup whose result is used); DL303 (no RCU fd lookup);"
            + " DL401 (no handler bound to .oob_read, .oob_write, .oob_ioctl, .compat_oob_ioctl, .oob_poll,"
            + " evl_net_proto.oob_send, evl_net_proto.oob_receive, evl_net_proto.oob_poll)\n";

    /** The gcc-style line of the sleeping hook below: ssleep is at line 4, column 90. */
    static final String SLEEPING_HOOK = HOOK_DECLS
            + "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) { ssleep(1); }\n";

    /** A hook that sleeps only with CONFIG_X defined (ssleep at line 7, column 2). */
    static final String CONFIGURED_HOOK = HOOK_DECLS
            + "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
            + "{\n"
            + "#ifdef CONFIG_X\n"
            + "\tssleep(1);\n"
            + "#endif\n"
            + "}\n";

    static final String FIRST_LINE = "hook.c:4:90: error: ssleep() may sleep: sleeps for the given time;"
            + " reachable from install_inband_fd(), which may run in atomic context [DL101]";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** {@code check --root DIR extra... PATH} for one path under the temp dir. */
    private Cli.Result check(String path, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--root", dir.toString()));
        args.addAll(Arrays.asList(extra));
        args.add(dir.resolve(path).toString());
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void reachOnlyListsWhatTheRulesCannotLookAtAndAllFilesExcludesIt() throws IOException {
        write("src/hook.c", SLEEPING_HOOK);
        write("src/other.c", "int twice(int x) { return 2 * x; }\n");
        Cli.Result r = check("src", "--reach-only", "--format", "json");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("\"outOfReach\": [ \"src/other.c\" ]")
                || r.out().replaceAll("\\s+", "").contains("\"outOfReach\":[\"src/other.c\"]"), r::toString);
        Cli.Result all = check("src", "--all-files", "--format", "json");
        assertTrue(!all.out().contains("outOfReach"), all::toString);
        Cli.Result both = check("src", "--all-files", "--reach-only");
        assertEquals(2, both.exit(), both::toString);
        assertTrue(both.err().contains("--all-files and --reach-only exclude each other"), both::toString);
    }

    @Test
    void cleanTreeExitsZero() throws IOException {
        write("src/clean.c", HOOK_DECLS
                + "static int count;\n"
                + "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) { count++; }\n");
        write("src/other.c", "int twice(int x) { return 2 * x; }\n");
        Cli.Result r = check("src");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(IDLE + "dovelint: 0 errors, 0 warnings, 0 notes in 2 files\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void sleepingHookExitsOneWithGccStyleLineAndChain() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Cli.Result r = check("hook.c");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(FIRST_LINE + "\n"
                + "  hook.c:4:6: note: install_inband_fd() is the entry point\n"
                + "  hook.c:4:90: note: ssleep() may sleep: sleeps for the given time\n"
                + IDLE + "dovelint: 1 error, 0 warnings, 0 notes in 1 file\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void chainThroughHelperIsIndentedBelowTheFinding() throws IOException {
        write("hook.c", HOOK_DECLS
                + "static void settle(void)\n"
                + "{\n"
                + "\tssleep(10);\n"
                + "}\n"
                + "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
                + "{\n"
                + "\tsettle();\n"
                + "}\n");
        Cli.Result r = check("hook.c");
        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("hook.c:6:2: error: ssleep() may sleep"), r::toString);
        assertTrue(lines.get(0).endsWith("[DL101]"), r::toString);
        assertEquals(List.of(
                "  hook.c:8:6: note: install_inband_fd() is the entry point",
                "  hook.c:10:2: note: install_inband_fd() calls settle()",
                "  hook.c:6:2: note: ssleep() may sleep: sleeps for the given time"), lines.subList(1, 4));
    }

    @Test
    void jsonReportParsesAndHasTheFinding() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Cli.Result r = check("hook.c", "--format", "json");
        assertEquals(1, r.exit(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.outBytes());
        List<JsonNode> findings = new ArrayList<>();
        root.findParents("ruleId").forEach(findings::add);
        assertFalse(findings.isEmpty(), r::toString);
        assertTrue(r.out().contains("\"DL101\""), r::toString);
        assertTrue(r.out().contains("hook.c"), r::toString);
        assertTrue(r.out().contains("ssleep() may sleep"), r::toString);
        // the summary goes to stderr when the report is not text
        assertEquals(IDLE + "dovelint: 1 error, 0 warnings, 0 notes in 1 file\n", r.err(), r::toString);
    }

    @Test
    void sarifReportHasVersionRuleIdAndCodeFlows() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Cli.Result r = check("hook.c", "--format", "SARIF");
        assertEquals(1, r.exit(), r::toString);
        JsonNode log = new ObjectMapper().readTree(r.outBytes());
        assertEquals("2.1.0", log.path("version").asText());
        JsonNode results = log.path("runs").path(0).path("results");
        assertEquals(1, results.size(), r::toString);
        JsonNode result = results.get(0);
        assertEquals("DL101", result.path("ruleId").asText());
        assertTrue(result.path("codeFlows").isArray() && result.path("codeFlows").size() == 1, r::toString);
        assertEquals("hook.c", result.path("locations").path(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText(), r::toString);
    }

    @Test
    void sarifCategoryFilesTheRunUnderIt() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        JsonNode plain = new ObjectMapper().readTree(check("hook.c", "--format", "sarif").outBytes());
        assertTrue(plain.path("runs").path(0).path("automationDetails").isMissingNode(), plain::toString);
        Cli.Result r = check("hook.c", "--format", "sarif", "--sarif-category", "linux-6.1");
        JsonNode log = new ObjectMapper().readTree(r.outBytes());
        assertEquals("linux-6.1/", log.path("runs").path(0).path("automationDetails").path("id").asText(), r::toString);
    }

    @Test
    void outputWritesTheFileAndNotStdout() throws IOException {
        write("src/hook.c", SLEEPING_HOOK.replace("hook.c", "src/hook.c"));
        Path report = dir.resolve("out/report.sarif");
        Cli.Result toStdout = check("src", "--format", "sarif");
        Cli.Result toFile = check("src", "--format", "sarif", "--output", report.toString());
        assertEquals(1, toFile.exit(), toFile::toString);
        assertEquals("", toFile.out(), toFile::toString);
        assertEquals(IDLE + "dovelint: 1 error, 0 warnings, 0 notes in 1 file\n", toFile.err(), toFile::toString);
        assertArrayEquals(toStdout.outBytes(), Files.readAllBytes(report));
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertEquals(List.of(report), files.toList(), "no temporary file left next to the report");
        }
    }

    @Test
    void outputReplacesAnExistingReport() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Path report = write("report.txt", "old report\n");
        Cli.Result r = check("hook.c", "-o", report.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(Files.readString(report).startsWith(FIRST_LINE + "\n"));
        assertTrue(r.err().endsWith("dovelint: 1 error, 0 warnings, 0 notes in 1 file\n"), r::toString);
    }

    @Test
    void outputIntoADirectoryIsAnError() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Files.createDirectories(dir.resolve("reports"));
        Cli.Result r = check("hook.c", "--output", dir.resolve("reports").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dovelint: cannot write the report to "), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void outputIsByteIdenticalAcrossRunsAndThreadCounts() throws IOException {
        for (int i = 0; i < 6; i++) {
            write("src/f" + i + ".c", HOOK_DECLS
                    + "void helper" + i + "(void) { ssleep(" + i + "); }\n");
        }
        write("src/hooks.c", HOOK_DECLS
                + "void helper0(void); void helper1(void); void helper2(void);\n"
                + "void helper3(void); void helper4(void); void helper5(void);\n"
                + "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
                + "{ helper0(); helper1(); helper2(); }\n"
                + "void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
                + "{ helper3(); helper4(); helper5(); helper0(); }\n");
        for (String format : List.of("text", "json", "sarif")) {
            Cli.Result first = check("src", "--format", format);
            Cli.Result second = check("src", "--format", format);
            Cli.Result one = check("src", "--format", format, "--threads", "1");
            Cli.Result four = check("src", "--format", format, "--threads", "4");
            assertEquals(1, first.exit(), first::toString);
            assertArrayEquals(first.outBytes(), second.outBytes(), format);
            assertArrayEquals(one.outBytes(), four.outBytes(), format);
            assertArrayEquals(first.outBytes(), one.outBytes(), format);
            assertEquals(first.err(), four.err(), format);
        }
    }

    @Test
    void defineEnablesIfdefedCode() throws IOException {
        write("hook.c", CONFIGURED_HOOK);
        // no configuration given: the configuration pass shows the branch, and says which configuration
        Cli.Result unconfigured = check("hook.c");
        assertEquals(1, unconfigured.exit(), unconfigured::toString);
        assertTrue(unconfigured.firstLine().contains("(only with CONFIG_X defined)"), unconfigured::toString);
        // a configuration given: exactly that one, no second pass
        Cli.Result bare = check("hook.c", "-DCONFIG_X");
        assertEquals(1, bare.exit(), bare::toString);
        assertTrue(bare.firstLine().startsWith("hook.c:7:2: error: ssleep() may sleep"), bare::toString);
        assertFalse(bare.firstLine().contains("only with"), bare::toString);
        assertEquals(0, check("hook.c", "-DCONFIG_Y").exit(), "CONFIG_X not set in the configuration given");
        Cli.Result valued = check("hook.c", "-DCONFIG_X=1");
        assertEquals(1, valued.exit(), valued::toString);
        assertArrayEquals(bare.outBytes(), valued.outBytes());
        Cli.Result separate = check("hook.c", "-D", "CONFIG_X");
        assertArrayEquals(bare.outBytes(), separate.outBytes());
        assertEquals(0, check("hook.c", "-DCONFIG_Y").exit());
    }

    @Test
    void theConfigurationPassCanBeTurnedOffAndOnAgain() throws IOException {
        write("hook.c", CONFIGURED_HOOK);
        assertEquals(1, check("hook.c").exit(), "on by default: the CONFIG_X branch is checked");
        Cli.Result off = check("hook.c", "--no-config-pass", "--stats");
        assertEquals(0, off.exit(), off::toString);
        assertFalse(off.err().contains("config pass"), "no second parse to time: " + off.err());
        write(".dovelint.yml", "config-pass: off\n");
        assertEquals(0, check("hook.c").exit(), "config-pass: off in the configuration");
        Cli.Result on = check("hook.c", "--config-pass");
        assertEquals(1, on.exit(), "the command line wins over the configuration: " + on);
        assertTrue(on.firstLine().contains("(only with CONFIG_X defined)"), on::toString);
        write(".dovelint.yml", "config-pass: maybe\n");
        Cli.Result bad = check("hook.c");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("bad value 'maybe' for 'config-pass' (expected on or off)"), bad::toString);
    }

    @Test
    void includeDirResolvesHeaderWithSleepingInline() throws IOException {
        write("include/evl/settle.h", """
                void ssleep(unsigned int msecs);
                static inline void evl_settle(void)
                {
                	ssleep(2);
                }
                """);
        write("src/hook.c", """
                #include <evl/settle.h>
                struct file;
                struct files_struct;
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	evl_settle();
                }
                """);
        Cli.Result without = check("src");
        assertEquals(0, without.exit(), without::toString);
        Cli.Result with = check("src", "--include", dir.resolve("include").toString());
        assertEquals(1, with.exit(), with::toString);
        assertTrue(with.firstLine().startsWith("include/evl/settle.h:4:2: error: ssleep() may sleep"),
                with::toString);
        assertTrue(with.out().contains("  src/hook.c:6:2: note: install_inband_fd() calls evl_settle()\n"),
                with::toString);
        Cli.Result shortForm = check("src", "-I", dir.resolve("include").toString());
        assertArrayEquals(with.outBytes(), shortForm.outBytes());
    }

    @Test
    void parseProblemsGoToStderrAndDoNotStopTheReport() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        write("broken.c", "int broken(void)\n{\n\treturn 1 + ;\n}\n");
        Cli.Result r = check("");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.firstLine().startsWith("hook.c:4:90: error: ssleep() may sleep"), r::toString);
        List<String> err = r.err().lines().toList();
        assertFalse(err.isEmpty(), r::toString);
        for (String line : err) {
            assertTrue(line.matches("broken\\.c:\\d+:\\d+: warning: parse problem: .+"), r::toString);
        }
        assertTrue(r.out().endsWith("in 2 files (" + err.size() + " parse problem"
                + (err.size() == 1 ? "" : "s") + ")\n"), r::toString);
        assertFalse(r.out().contains("parse problem:"), "problems are not part of the report");

        Cli.Result quiet = check("", "--quiet");
        assertEquals(1, quiet.exit());
        assertEquals("", quiet.err(), quiet::toString);
        assertFalse(quiet.out().contains("dovelint:"), quiet::toString);
        assertTrue(r.out().startsWith(quiet.out()), quiet::toString);
    }

    @Test
    void treeWithoutSourcesWarnsAndExitsZero() throws IOException {
        write("docs/notes.txt", "not C\n");
        Cli.Result r = check("docs");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("dovelint: 0 errors, 0 warnings, 0 notes in 0 files\n", r.out(), r::toString);
        assertTrue(r.err().startsWith("dovelint: warning: no C sources (.c files) found in "), r::toString);
        assertEquals("", check("docs", "-q").err());
    }

    @Test
    void statsPrintsTheSummaryAndWhereTheTimeWent() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Cli.Result r = check("", "--format", "json", "--quiet", "--stats");
        assertEquals(1, r.exit(), r::toString);
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r::toString);
        assertTrue(err.get(0).matches("dovelint: 1 files, \\d+ lines, 1 findings, 0 parse problems in .+ lines/s\\)"),
                r::toString);
        // a first run: no record of an earlier one to reuse, so everything ran
        assertTrue(err.get(1).matches("dovelint: time: (reuse check [0-9.]+ s, )?parse [0-9.]+ s, call graph [0-9.]+ s, rules [0-9.]+ s, "
                + "DL\\d{3} [0-9.]+ s"
                + "(, DL\\d{3} [0-9.]+ s)+"
                // the configuration pass (docs/configurations.md#cost) times its own phases after the rules
                + "(, [a-z][a-z ]* [0-9.]+ s)*"), r::toString);
        Cli.Result again = check("", "--format", "json", "--quiet", "--stats");
        assertEquals(r.out(), again.out(), "the same report from the recorded run");
        assertTrue(again.err().lines().toList().get(1).matches("dovelint: time: reuse check [0-9.]+ s"),
                again::toString);
    }

    @Test
    void quietNonTextReportPrintsNothingOnStderr() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        write("broken.c", "int broken(void)\n{\n\treturn 1 + ;\n}\n");
        Cli.Result loud = check("", "--format", "json");
        Cli.Result quiet = check("", "--format", "json", "--quiet");
        assertEquals(1, quiet.exit(), quiet::toString);
        assertEquals("", quiet.err(), quiet::toString);
        assertArrayEquals(loud.outBytes(), quiet.outBytes(), "--quiet leaves the json report alone");
    }

    @Test
    void outputUnderARegularFileIsAnError() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Path notADir = write("file.txt", "x\n");
        Cli.Result r = check("hook.c", "--output", notADir.resolve("report.txt").toString());
        assertUsageError(r, "cannot write the report to ", "not a directory: ", "file.txt");
    }

    // ---- exit 2 ----

    private static void assertUsageError(Cli.Result r, String... fragments) {
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("dovelint: "), r::toString);
        for (String f : fragments) {
            assertTrue(r.err().contains(f), () -> "missing '" + f + "' in\n" + r);
        }
        assertFalse(r.err().contains("\tat "), () -> "stack trace in\n" + r);
        assertFalse(r.err().contains("Exception"), () -> "exception name in\n" + r);
    }

    @Test
    void unknownFormat() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Cli.Result r = check("hook.c", "--format", "xml");
        assertUsageError(r, "unknown format 'xml'", "text, json, sarif", "Try 'dovelint check --help'");
        assertEquals(2, r.err().lines().count(), r::toString);
    }

    @Test
    void missingPath() {
        Cli.Result r = check("nothing-here.c");
        assertUsageError(r, "nothing-here.c: no such file or directory");
        assertFalse(r.err().contains(":0:"), r::toString);
    }

    @Test
    void nonexistentConfig() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Cli.Result r = check("hook.c", "--config", dir.resolve("missing.yml").toString());
        assertUsageError(r, "missing.yml", "not found");
    }

    @Test
    void configWithBadKeyIsLocated() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        write(".dovelint.yml", "rules:\n  DL101: error\nbogus: 1\n");
        Cli.Result found = check("hook.c");
        assertUsageError(found, ".dovelint.yml:3:1:", "bogus");
        Cli.Result explicit = check("hook.c", "--config", dir.resolve(".dovelint.yml").toString());
        assertUsageError(explicit, ".dovelint.yml:3:1:", "bogus");
    }

    @Test
    void configNamingUnknownRule() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        write(".dovelint.yml", "rules:\n  DL999: error\n");
        assertUsageError(check("hook.c"), ".dovelint.yml:2:3:", "DL999");
    }

    @Test
    void brokenCompileCommands() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Path cc = write("compile_commands.json", "[{\"directory\": ");
        assertUsageError(check("hook.c", "--compile-commands", cc.toString()), "compile_commands.json");
    }

    @Test
    void missingCompileCommands() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        assertUsageError(check("hook.c", "--compile-commands", dir.resolve("nope.json").toString()),
                "nope.json", "not found");
    }

    @Test
    void compileCommandsThatIsNotAnArray() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        Path cc = write("compile_commands.json", "{\"directory\": \"/\"}");
        assertUsageError(check("hook.c", "--compile-commands", cc.toString()), "compile_commands.json:1:1:");
    }

    @Test
    void invalidDefineName() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        assertUsageError(check("hook.c", "-D1X"), "-D1X", "not a macro name");
        assertUsageError(check("hook.c", "-D=1"), "not a macro name");
        assertUsageError(check("hook.c", "-DA-B=2"), "'A-B' is not a macro name");
    }

    @Test
    void threadsMustBePositive() throws IOException {
        write("hook.c", SLEEPING_HOOK);
        assertUsageError(check("hook.c", "--threads", "0"), "--threads must be at least 1");
        assertUsageError(check("hook.c", "--threads", "many"), "--threads", "Try 'dovelint check --help'");
    }

    @Test
    void pathsOutsideTheWorkingDirectoryAreNamedFromTheFolderHoldingThem() throws IOException {
        write("a/hook.c", SLEEPING_HOOK);
        write("b/hook.c", SLEEPING_HOOK.replace("install_inband_fd", "replace_inband_fd"));
        // the temporary folder is outside the test's working directory
        Cli.Result r = Cli.run("check", "--no-cache", dir.resolve("a").toString(), dir.resolve("b").toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("\na/hook.c:4:") || r.out().startsWith("a/hook.c:4:"), r::toString);
        assertTrue(r.out().contains("\nb/hook.c:4:"), r::toString);
        assertFalse(r.out().contains(io.github.dovelint.engine.Relativizer.OUTSIDE), r::toString);
        Cli.Result one = Cli.run("check", "--no-cache", dir.resolve("a/hook.c").toString());
        assertTrue(one.out().startsWith("hook.c:4:"), one::toString);
    }

    @Test
    void noPath() {
        Cli.Result r = Cli.run("check");
        assertUsageError(r, "PATH", "Try 'dovelint check --help'");
        assertFalse(r.err().contains("Usage:"), r::toString);
    }

    @Test
    void unknownOption() {
        Cli.Result r = Cli.run("check", "--bogus", dir.toString());
        assertUsageError(r, "Unknown option: '--bogus'", "Try 'dovelint check --help' for more information.");
        assertFalse(r.err().contains("Usage:"), "one line and a hint, not the usage dump");
    }

    @Test
    void helpListsTheFormats() {
        Cli.Result r = Cli.run("check", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("text, json, sarif"), r::toString);
        assertTrue(r.out().contains("--quiet"), r::toString);
    }
}
