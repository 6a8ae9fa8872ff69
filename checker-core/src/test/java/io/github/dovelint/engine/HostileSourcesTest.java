package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Problem;
import io.github.dovelint.report.ReportWriter;
import io.github.dovelint.report.ReportWriters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile sources: each gets a located diagnostic, the run goes on with the
 * other files (a good file beside it still gets its finding), and the result
 * says whether the run is complete. Every report format is written for each.
 */
class HostileSourcesTest {

    /** A file with one finding of the test rule, to prove the run went on. */
    private static final String GOOD = TestRun.hook("install_inband_fd") + "\n{\n\tmsleep(1);\n}\n";

    @TempDir
    Path dir;

    private AnalysisResult run(Limits limits) throws Exception {
        Files.writeString(dir.resolve("good.c"), GOOD);
        AnalysisResult r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Analyzer.builder().root(dir)
                .path(dir).threads(2).limits(limits)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule())).build().run());
        assertTrue(r.findings().stream().anyMatch(f -> f.location().toString().equals("good.c:3:2")),
                "the good file is still analysed: " + r.findings());
        for (ReportWriter w : ReportWriters.all()) {
            String text = w.render(r);
            assertFalse(text.contains(dir.toString()), w.formatName() + " names an absolute path");
        }
        return r;
    }

    private AnalysisResult run() throws Exception {
        return run(Limits.DEFAULT);
    }

    private static Problem problemOf(AnalysisResult r, String file) {
        List<Problem> ps = r.problems().stream().filter(p -> p.location().file().equals(file)).toList();
        assertFalse(ps.isEmpty(), "no problem located in " + file + ": " + r.problems());
        return ps.get(0);
    }

    private static void assertNotAnalysed(AnalysisResult r, String file, String message) {
        Problem p = problemOf(r, file);
        assertEquals(Problem.Kind.INPUT, p.kind(), p.toString());
        assertTrue(p.message().contains(message), p.toString());
        assertTrue(r.notAnalysed().contains(file), r.notAnalysed().toString());
        assertFalse(r.files().contains(file));
        assertFalse(r.complete());
    }

    @Test
    void aFiftyMegabyteFileIsSkippedAsTooLarge() throws Exception {
        Path big = dir.resolve("huge.c");
        String line = "int v_" + "x".repeat(40) + "_%d = %d;\n";
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; Files.size(big) < 0 || i < 50 * 1024 * 1024 / 60; i++) {
                w.write(String.format(java.util.Locale.ROOT, line, i, i));
            }
        }
        assertTrue(Files.size(big) >= 50L * 1000 * 1000, "at least 50 MB: " + Files.size(big));
        AnalysisResult r = run();
        assertNotAnalysed(r, "huge.c", "skipped: too large");
    }

    @Test
    void tenThousandNestedParenthesesAndBlocksAreSkippedNotOverflowed() throws Exception {
        Files.writeString(dir.resolve("parens.c"),
                "int f(void)\n{\n\treturn " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + ";\n}\n");
        Files.writeString(dir.resolve("blocks.c"), "void g(void)\n" + "{".repeat(10_000) + "x();"
                + "}".repeat(10_000) + "\n");
        AnalysisResult r = run();
        assertNotAnalysed(r, "parens.c", "skipped: nested too deeply");
        assertNotAnalysed(r, "blocks.c", "skipped: nested too deeply");
    }

    @Test
    void aOneMegabyteSingleLineIsAnalysed() throws Exception {
        StringBuilder b = new StringBuilder("static int table[] = {");
        while (b.length() < 1024 * 1024) {
            b.append("1, 2, 3, 4, 5, 6, 7, 8, ");
        }
        b.append("0};");
        Files.writeString(dir.resolve("oneline.c"), b.toString());
        AnalysisResult r = run();
        assertTrue(r.files().contains("oneline.c"), r.problems().toString());
        assertTrue(r.complete(), r.problems().toString());
    }

    @Test
    void binaryUndecodableAndUtf16FilesAreLocatedInputProblems() throws Exception {
        Files.write(dir.resolve("blob.c"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        Files.write(dir.resolve("latin1.c"), "int a;\n/* caf\u00e9 */\nint b;\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] utf16 = "int a;\n".getBytes(StandardCharsets.UTF_16); // with a big-endian BOM
        Files.write(dir.resolve("utf16.c"), utf16);
        Files.write(dir.resolve("utf16le.c"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "int a;\n".getBytes(StandardCharsets.UTF_16LE)));
        Files.write(dir.resolve("nul.c"), "int a;\nint b;\0\nint c;\n".getBytes(StandardCharsets.UTF_8));
        AnalysisResult r = run();
        assertNotAnalysed(r, "blob.c", "binary file");
        assertNotAnalysed(r, "latin1.c", "not valid UTF-8");
        assertEquals(2, problemOf(r, "latin1.c").location().line());
        assertNotAnalysed(r, "utf16.c", "UTF-16");
        assertNotAnalysed(r, "utf16le.c", "UTF-16");
        assertNotAnalysed(r, "nul.c", "NUL byte");
        assertEquals(2, problemOf(r, "nul.c").location().line());
    }

    @Test
    void crlfAndBomFilesAreAnalysedWithTheRightLines() throws Exception {
        Files.writeString(dir.resolve("crlf.c"), ("\uFEFF" + TestRun.hook("replace_inband_fd") + "\n{\n\n\tmsleep(2);\n}\n")
                .replace("\n", "\r\n"));
        AnalysisResult r = run();
        assertTrue(r.complete(), r.problems().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.location().toString().equals("crlf.c:4:2")),
                r.findings().toString());
    }

    @Test
    void unterminatedCommentsAndStringsAreParseProblemsNotInputProblems() throws Exception {
        Files.writeString(dir.resolve("comment.c"), "int a;\n/* never closed\nint b;\n");
        Files.writeString(dir.resolve("string.c"), "const char *s = \"never closed;\nint c;\n");
        Files.writeString(dir.resolve("char.c"), "char c = 'x;\n");
        AnalysisResult r = run();
        for (String f : List.of("comment.c", "string.c", "char.c")) {
            assertEquals(Problem.Kind.PARSE, problemOf(r, f).kind(), r.problems().toString());
            assertTrue(r.files().contains(f));
        }
        assertTrue(r.complete(), "parse problems leave a run complete: " + r.problems());
    }

    @Test
    void recursiveMacrosTerminate() throws Exception {
        Files.writeString(dir.resolve("macros.c"), """
                #define SELF SELF + 1
                #define PING PONG
                #define PONG PING
                #define F(x) F(x) + G(x)
                #define G(x) F(x)
                int a = SELF;
                int b = PING;
                int c = F(1);
                """ + TestRun.hook("uninstall_inband_fd") + "\n{\n\tmsleep(SELF);\n}\n");
        AnalysisResult r = run();
        assertTrue(r.files().contains("macros.c"), r.problems().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.location().file().equals("macros.c")), r.findings().toString());
    }

    @Test
    void exponentialMacrosAreSkippedBeforeExpansion() throws Exception {
        StringBuilder b = new StringBuilder("#define X0 x\n");
        for (int i = 1; i <= 40; i++) {
            b.append("#define X").append(i).append(" X").append(i - 1).append(" X").append(i - 1).append('\n');
        }
        b.append("int y = X40;\n");
        Files.writeString(dir.resolve("bomb.c"), b.toString());
        AnalysisResult r = run();
        assertNotAnalysed(r, "bomb.c", "skipped: macro X");
    }

    @Test
    void symlinkLoopsAndDanglingLinksAreDiagnosedAndNotFollowed() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("up"), dir); // a directory loop: not followed
        Files.createSymbolicLink(dir.resolve("ping.c"), dir.resolve("pong.c"));
        Files.createSymbolicLink(dir.resolve("pong.c"), dir.resolve("ping.c"));
        Files.createSymbolicLink(dir.resolve("gone.c"), dir.resolve("nowhere.c"));
        Files.writeString(sub.resolve("real.c"), "int real;\n");
        Files.createSymbolicLink(dir.resolve("alias.c"), sub.resolve("real.c"));
        AnalysisResult r = run();
        assertNotAnalysed(r, "ping.c", "symbolic link loop");
        assertNotAnalysed(r, "gone.c", "dangling symbolic link");
        assertTrue(r.files().contains("alias.c"), "a link to a C file is analysed: " + r.files());
        assertTrue(r.files().contains("sub/real.c"));
        assertFalse(r.files().stream().anyMatch(f -> f.contains("up/")), "the loop was not followed: " + r.files());
    }

    @Test
    void unreadableFilesAndDirectories() throws Exception {
        Path secret = dir.resolve("secret.c");
        Files.writeString(secret, "int secret;\n");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("inner.c"), "int inner;\n");
        // root reads whatever the permissions say: simulate an unreadable "file" root cannot read either
        Files.createDirectories(dir.resolve("dir-named.c"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            AnalysisResult r = run();
            // a directory named like a source is walked, not read: it holds nothing
            assertFalse(r.files().contains("dir-named.c"));
            boolean root = Files.isReadable(secret);
            if (root) {
                // what root gets: permissions do not apply, the files are analysed
                assertTrue(r.files().contains("secret.c"), r.toString());
                assertTrue(r.files().contains("locked/inner.c"), r.toString());
            }
            Assumptions.assumeFalse(root, "running as root: permissions do not stop root from reading, so the"
                    + " 'permission denied' diagnostics cannot happen here (asserted for root above)");
            assertNotAnalysed(r, "secret.c", "permission denied");
            assertEquals(Problem.Kind.INPUT, problemOf(r, "locked").kind());
            assertFalse(r.complete());
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFifoNamedLikeASourceIsNeverOpened() throws Exception {
        // unreadable even for root: opening a FIFO with no writer blocks for ever
        Path fifo = dir.resolve("pipe.c");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        AnalysisResult r = run();
        assertNotAnalysed(r, "pipe.c", "not a regular file");
        AnalysisResult named = Analyzer.builder().root(dir).path(fifo)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule())).build().run();
        assertEquals(List.of("pipe.c"), named.notAnalysed());
    }

    @Test
    void aFileThatCannotBeReadIsAnInputProblemEvenForRoot() throws Exception {
        // simulated unreadability: the parser is handed a directory where it expects a file
        Path notAFile = Files.createDirectories(dir.resolve("really-a-dir.c"));
        var unit = new io.github.dovelint.parse.CParser(new io.github.dovelint.parse.ParseOptions(List.of(),
                java.util.Map.of(), null, true)).parse(notAFile);
        assertEquals(null, unit.ast());
        assertEquals(Problem.Kind.INPUT, unit.problems().get(0).kind());
        assertTrue(unit.problems().get(0).message().startsWith("cannot read file"), unit.problems().toString());
    }

    @Test
    void pathsWithSpacesAndNonAsciiCharacters() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("my dir/\u00fcnic\u00f8de \u6587\u4ef6"));
        Files.writeString(odd.resolve("h\u00e9llo w\u00f6rld.c"), TestRun.hook("replace_inband_fd")
                + "\n{\n\tmsleep(3);\n}\n");
        AnalysisResult r = run();
        String name = "my dir/\u00fcnic\u00f8de \u6587\u4ef6/h\u00e9llo w\u00f6rld.c";
        assertTrue(r.files().contains(name), r.files().toString());
        Finding f = r.findings().stream().filter(x -> x.location().file().equals(name)).findFirst().orElseThrow();
        assertEquals(3, f.location().line());
        String json = ReportWriters.byName("json").render(r);
        assertTrue(json.contains(name), json);
    }

    @Test
    void aSlowFileIsSkippedAsTooSlowAndTheRunGoesOn() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 7_000_000; i++) {
            b.append("static int f").append(i).append("(int a) { if (a > ").append(i).append(") return a * 2 + f")
                    .append(Math.max(0, i - 1)).append("(a - 1); return 0; }\n");
        }
        Files.writeString(dir.resolve("slow.c"), b.toString());
        AnalysisResult r = run(Limits.DEFAULT.withFileTimeout(Duration.ofMillis(700))); // far below its parse time, even warm
        assertNotAnalysed(r, "slow.c", "skipped: too slow");
    }

    @Test
    void filesOutsideTheRootAndLineDirectivesNeverEscapeIt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("far.c"), TestRun.hook("install_inband_fd") + "\n{\n\tmsleep(4);\n}\n");
        Files.writeString(root.resolve("lines.c"), "#line 1 \"/etc/passwd\"\n" + TestRun.hook("replace_inband_fd")
                + "\n{\n\tmsleep(5);\n}\n#line 1 \"../../../escape.c\"\n" + TestRun.hook("uninstall_inband_fd")
                + "\n{\n\tmsleep(6);\n}\n");
        AnalysisResult r = Analyzer.builder().root(root).path(root).path(outside.resolve("far.c"))
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule())).build().run();
        List<String> shown = r.findings().stream()
                .flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f.location()),
                        f.chains().stream().flatMap(c -> c.steps().stream().map(s -> s.location()))))
                .map(l -> l.file()).distinct().sorted().collect(Collectors.toList());
        assertFalse(shown.isEmpty());
        for (String file : shown) {
            assertFalse(file.startsWith("/") || file.contains(".."), "escapes the root: " + file);
        }
        assertTrue(r.files().contains(Relativizer.OUTSIDE + "/far.c"), r.files().toString());
        for (ReportWriter w : ReportWriters.all()) {
            String text = w.render(r);
            assertFalse(text.contains(dir.toString()), w.formatName());
            assertFalse(text.contains("\"/etc/passwd") || text.contains("../"), w.formatName() + ":\n" + text);
        }
    }

    @Test
    void headersOutsideTheRootFromIncludeDirsAndCompileCommandsAreMarked() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path inc = Files.createDirectories(dir.resolve("outside/include"));
        Files.writeString(inc.resolve("helpers.h"), "void msleep(unsigned int ms);\n"
                + "static inline void nap(void)\n{\n\tmsleep(7);\n}\n");
        Files.writeString(root.resolve("core.c"), "#include <helpers.h>\n" + TestRun.hook("install_inband_fd")
                + "\n{\n\tnap();\n}\n");
        Files.writeString(root.resolve("compile_commands.json"), "[{\"directory\": \"" + root + "\", \"file\": \""
                + root.resolve("core.c") + "\", \"command\": \"cc -I" + inc + " -c core.c\"}]");
        for (boolean viaCompileCommands : new boolean[] {false, true}) {
            Analyzer.Builder b = Analyzer.builder().root(root).path(root)
                    .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                    .rules(List.of(new TestRun.SleepRule()));
            if (viaCompileCommands) {
                b.compileCommands(root.resolve("compile_commands.json"));
            } else {
                b.includeDir(inc);
            }
            AnalysisResult r = b.build().run();
            List<String> shown = r.findings().stream()
                    .flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f.location()),
                            f.chains().stream().flatMap(c -> c.steps().stream().map(st -> st.location()))))
                    .map(l -> l.file()).distinct().sorted().collect(Collectors.toList());
            assertTrue(shown.contains(Relativizer.OUTSIDE + "/helpers.h"), viaCompileCommands + ": " + shown);
            for (ReportWriter w : ReportWriters.all()) {
                String text = ReportWriters.byName(w.formatName(), root).render(r);
                assertFalse(text.contains(dir.toString()), w.formatName() + ":\n" + text);
            }
            Finding f = r.findings().stream().filter(x -> x.location().file().startsWith(Relativizer.OUTSIDE))
                    .findFirst().orElse(null);
            if (f != null) {
                assertEquals("msleep(7);", f.snippet(), "the snippet is still read from the real file");
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void unused() throws IOException {
    }
}
