package io.github.dovelint.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, include resolution, problem reporting and robustness of {@link CParser}. */
class CParserTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static ParsedUnit parse(Path file) {
        return new CParser(ParseOptions.defaults()).parse(file);
    }

    @Test
    void quotedHeaderIsParsedAndItsFunctionIsLocatedInTheHeader() throws IOException {
        Path header = write("core/internal.h", """
                #define LOCKED_CALL(x) do { helper_call(x); } while (0)
                static inline int hdr_fn(int a)
                {
                    return inner(a);
                }
                """);
        Path main = write("core/file.c", "#include \"internal.h\"\n#include <linux/slab.h>\nvoid f(void)\n{\n\tLOCKED_CALL(3);\n}\n");
        ParsedUnit unit = parse(main);
        assertEquals(List.of(), unit.problems());
        IASTFunctionDefinition fn = Asts.function(unit.ast(), "hdr_fn");
        assertNotNull(fn, "static inline from the header is in the AST");
        assertEquals(header.toString(), fn.getFileLocation().getFileName());
        assertEquals(2, fn.getFileLocation().getStartingLineNumber());
        assertEquals(List.of("inner"), Asts.calls(fn));
        assertEquals(List.of("helper_call"), Asts.calls(Asts.function(unit.ast(), "f")));
    }

    @Test
    void quotedIncludesFallBackToIncludeDirsAndAngleIncludesUseOnlyThem() throws IOException {
        Path inc = Files.createDirectories(dir.resolve("inc"));
        write("inc/linux/slab.h", "void *kmalloc(unsigned long size, unsigned int flags);\n");
        write("inc/local.h", "int from_inc;\n");
        write("src/angle.h", "int wrong;\n");
        Path main = write("src/m.c", "#include <linux/slab.h>\n#include \"local.h\"\n#include <angle.h>\n");
        ParsedUnit unit = new CParser(new ParseOptions(List.of(inc), Map.of(), null, true)).parse(main);
        assertEquals(1, unit.problems().size(), unit.problems().toString());
        Problem unresolved = unit.problems().get(0);
        assertEquals(new Location(main.toString(), 3, 1), unresolved.location());
        assertTrue(unresolved.message().contains("angle.h"), unresolved.message());
    }

    @Test
    void aPartialIncludeTreeIsNeverWorseThanNone() throws IOException {
        Path inc = Files.createDirectories(dir.resolve("partial"));
        write("partial/linux/slab.h", "void *kmalloc(unsigned long size, unsigned int flags);\n");
        Path main = write("src/p.c", """
                #include <linux/slab.h>
                #include <linux/types.h>
                #include <evl/thread.h>
                void f(struct evl_thread *t, u32 n)
                {
                	printk(EVL_ERR "bad %d\\n", n);
                	for_each_evl_thread(t) {
                		kick(t);
                	}
                	done(kmalloc(n, 0));
                }
                """);
        ParsedUnit none = parse(main);
        assertEquals(List.of(), none.problems());
        ParsedUnit partial = new CParser(new ParseOptions(List.of(inc), Map.of(), null, true)).parse(main);
        assertEquals(2, partial.problems().size(), partial.problems().toString());
        assertTrue(partial.problems().stream().allMatch(UnresolvedIncludes::is), partial.problems().toString());
        assertEquals(List.of("printk", "__dl_iter_first", "kick", "done", "kmalloc"), Asts.calls(Asts.function(partial.ast(), "f")));
    }

    @Test
    void unresolvedIncludesOfARunAreOneProblem() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            problems.add(new Problem(Problem.Kind.PARSE, new Location("a.c", i + 1, 1),
                    UnresolvedIncludes.PREFIX + "<linux/h" + i + ".h>"));
        }
        problems.add(new Problem(Problem.Kind.PARSE, new Location("b.c", 1, 1), UnresolvedIncludes.PREFIX + "<linux/h0.h>"));
        Problem syntax = new Problem(Problem.Kind.PARSE, new Location("a.c", 9, 2), "Syntax error");
        problems.add(syntax);
        List<Problem> out = UnresolvedIncludes.summarise(problems);
        assertEquals(2, out.size(), out.toString());
        assertEquals(new Location("a.c", 1, 1), out.get(0).location());
        assertEquals("6 #include directives not found in the include directories (5 different headers, in 2 files;"
                + " first: <linux/h0.h>, <linux/h1.h>, <linux/h2.h>, ...): those files are parsed without them",
                out.get(0).message());
        assertEquals(syntax, out.get(1));
        assertEquals(List.of(syntax), UnresolvedIncludes.summarise(List.of(syntax)));
    }

    @Test
    void unresolvedSystemIncludeIsNoProblemWithoutHeaders() throws IOException {
        ParsedUnit unit = parse(write("a.c", "#include <linux/slab.h>\n#include \"missing.h\"\nint x;\n"));
        assertEquals(List.of(), unit.problems());
    }

    @Test
    void syntaxErrorIsLocatedAndTheRestIsStillParsed() throws IOException {
        Path file = write("err.c", "void before(void) { a(); }\n\nint broken(void)\n{\n\tint x = 3 +* ;\n\treturn x;\n}\nvoid after(void) { b(); }\n");
        ParsedUnit unit = parse(file);
        assertFalse(unit.problems().isEmpty());
        Problem problem = unit.problems().get(0);
        assertEquals(Problem.Kind.PARSE, problem.kind());
        assertEquals(file.toString(), problem.location().file());
        assertEquals(5, problem.location().line());
        assertTrue(problem.location().column() >= 2, problem.toString());
        assertNotNull(Asts.function(unit.ast(), "before"));
        assertEquals(List.of("b"), Asts.calls(Asts.function(unit.ast(), "after")));
    }

    @Test
    void invalidUtf8IsAnInputProblemWithTheLine() throws IOException {
        Path file = dir.resolve("latin1.c");
        Files.write(file, "int a;\n/* caf\u00e9 */\nint b;\n".getBytes(StandardCharsets.ISO_8859_1));
        ParsedUnit unit = parse(file);
        assertNull(unit.ast());
        assertEquals("", unit.text());
        assertEquals(1, unit.problems().size());
        Problem problem = unit.problems().get(0);
        assertEquals(Problem.Kind.INPUT, problem.kind());
        assertEquals(2, problem.location().line());
        assertTrue(problem.message().startsWith("not valid UTF-8"), problem.message());
    }

    @Test
    void binaryFileIsAnInputProblem() throws IOException {
        Path file = dir.resolve("blob.c");
        Files.write(file, new byte[] {'i', 'n', 't', '\n', 0, 1, 2});
        ParsedUnit unit = parse(file);
        assertNull(unit.ast());
        assertEquals(Problem.Kind.INPUT, unit.problems().get(0).kind());
        assertTrue(unit.problems().get(0).message().contains("binary"));
        assertEquals(2, unit.problems().get(0).location().line());
    }

    @Test
    void bomIsStripped() throws IOException {
        Path file = dir.resolve("bom.c");
        byte[] body = "void f(void) { g(); }\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);
        ParsedUnit unit = parse(file);
        assertEquals(List.of(), unit.problems());
        assertEquals("void f(void) { g(); }\n", unit.text());
        assertEquals(List.of("g"), Asts.calls(Asts.function(unit.ast(), "f")));
    }

    @Test
    void crlfLinesAreCountedCorrectly() throws IOException {
        Path file = write("crlf.c", "int a;\r\n\r\nvoid f(void)\r\n{\r\n\tint y = ;\r\n}\r\nvoid g(void) { }\r\n");
        ParsedUnit unit = parse(file);
        assertEquals(1, unit.problems().size(), unit.problems().toString());
        assertEquals(5, unit.problems().get(0).location().line());
        assertEquals(7, Asts.function(unit.ast(), "g").getFileLocation().getStartingLineNumber());
    }

    @Test
    void deeplyNestedCodeDoesNotThrow() throws IOException {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        ParsedUnit unit = parse(write("deep.c", "int f(void)\n{\n\treturn " + deep + ";\n}\n"));
        assertNotNull(unit);
        assertEquals(unit.path(), dir.resolve("deep.c"));
        assertNull(unit.ast(), "deeper than the AST depth limit: skipped");
        assertEquals(Problem.Kind.INPUT, unit.problems().get(0).kind());
        assertTrue(unit.problems().get(0).message().startsWith("skipped: nested too deeply"), unit.problems().toString());
        assertTrue(unit.problems().get(0).location().line() >= 1, "located in the file");
    }

    @Test
    void deeplyNestedBlocksDoNotThrow() throws IOException {
        String deep = "{".repeat(10_000) + "x();" + "}".repeat(10_000);
        ParsedUnit unit = parse(write("deepblocks.c", "void f(void)\n" + deep + "\n"));
        assertNotNull(unit);
        assertNull(unit.ast(), "deeper than the AST depth limit: skipped");
        assertTrue(unit.problems().get(0).message().startsWith("skipped: nested too deeply"), unit.problems().toString());
        assertEquals(unit.text().length(), Files.readString(dir.resolve("deepblocks.c")).length());
    }

    @Test
    void missingFileIsAnInputProblem() {
        Path missing = dir.resolve("nope.c");
        ParsedUnit unit = parse(missing);
        assertNull(unit.ast());
        assertEquals(1, unit.problems().size());
        assertEquals(Problem.Kind.INPUT, unit.problems().get(0).kind());
        assertEquals(missing.toString(), unit.problems().get(0).location().file());
        assertTrue(unit.problems().get(0).message().contains("no such file"));
    }

    @Test
    void directoryIsAnInputProblem() {
        ParsedUnit unit = parse(dir);
        assertNull(unit.ast());
        assertEquals(Problem.Kind.INPUT, unit.problems().get(0).kind());
    }

    @Test
    void definesAffectConditionalCompilation() throws IOException {
        Path file = write("d.c", """
                #ifdef CONFIG_EVL
                void on(void) { yes(); }
                #else
                void off(void) { no(); }
                #endif
                #if CONFIG_LEVEL == 2
                void two(void) { }
                #endif
                #if FLAG
                void flag(void) { }
                #endif
                """);
        ParsedUnit without = parse(file);
        assertNull(Asts.function(without.ast(), "on"));
        assertNotNull(Asts.function(without.ast(), "off"));
        ParseOptions options = new ParseOptions(List.of(), Map.of("CONFIG_EVL", "", "CONFIG_LEVEL", "2", "FLAG", ""),
                null, true);
        ParsedUnit with = new CParser(options).parse(file);
        assertEquals(List.of(), with.problems());
        assertNotNull(Asts.function(with.ast(), "on"));
        assertNull(Asts.function(with.ast(), "off"));
        assertNotNull(Asts.function(with.ast(), "two"));
        assertNotNull(Asts.function(with.ast(), "flag"), "-DFLAG means FLAG=1");
    }

    @Test
    void compileCommandsFlagsAreHonoured() throws IOException, ParseSetupException {
        write("build/include/generated/autoconf.h", "#define CONFIG_FROM_AUTOCONF 1\n");
        write("build/include/linux/evl.h", "static inline void evl_helper(void) { deep(); }\n");
        Path main = write("build/kernel/evl/file.c", """
                #include <linux/evl.h>
                #if defined(CONFIG_FROM_AUTOCONF) && defined(CONFIG_FROM_CMD) && !defined(CONFIG_UNDEF)
                void configured(void) { evl_helper(); }
                #endif
                #if VALUE == 7
                void valued(void) { }
                #endif
                """);
        Path json = write("build/compile_commands.json", """
                [
                  {"directory": "%1$s",
                   "file": "kernel/evl/file.c",
                   "command": "gcc -Wall -nostdinc -I./include -include ./include/generated/autoconf.h -DCONFIG_FROM_CMD -D VALUE=7 -DCONFIG_UNDEF -UCONFIG_UNDEF -c -o kernel/evl/file.o kernel/evl/file.c"},
                  {"directory": "%1$s",
                   "file": "kernel/evl/other.c",
                   "arguments": ["gcc", "-isystem", "/usr/include", "-DOTHER='\\"x y\\"'", "-c", "kernel/evl/other.c"]}
                ]
                """.formatted(dir.resolve("build")));
        CompileCommands commands = CompileCommands.load(json);
        assertEquals(2, commands.size());
        CompileCommands.Flags other = commands.flagsFor(dir.resolve("build/kernel/evl/other.c"));
        assertEquals(List.of(Path.of("/usr/include")), other.includeDirs());
        assertEquals("'\"x y\"'", other.defines().get("OTHER"));
        ParseOptions options = new ParseOptions(List.of(), Map.of(), json, true);
        CParser parser = new CParser(options);
        assertFalse(parser.headerless());
        ParsedUnit unit = parser.parse(main);
        assertEquals(List.of(), unit.problems());
        assertNotNull(Asts.function(unit.ast(), "configured"));
        assertNotNull(Asts.function(unit.ast(), "valued"));
        assertNotNull(Asts.function(unit.ast(), "evl_helper"));
        for (var declaration : unit.ast().getDeclarations()) {
            assertFalse(Prelude.TYPES_PATH.equals(declaration.getFileLocation().getFileName()),
                    "no prelude typedefs with a compilation database");
        }
    }

    @Test
    void shellWordsSplitLikeAShell() {
        assertEquals(List.of("gcc", "-DA=\"b c\"", "-I/x y", "it's", "a\\b"),
                ShellWords.split("gcc '-DA=\"b c\"' -I/x\\ y \"it's\" \"a\\\\b\""));
    }

    @Test
    void brokenCompileCommandsIsALocatedError() throws IOException {
        Path json = write("cc/compile_commands.json", "[\n  {\"directory\": \"/x\",\n   \"file\": \"a.c\" \"command\": \"gcc\"}\n]\n");
        ParseSetupException error = assertThrows(ParseSetupException.class, () -> CompileCommands.load(json));
        assertEquals(3, error.line());
        assertTrue(error.column() > 0);
        assertTrue(error.getMessage().startsWith(json + ":3:"), error.getMessage());
        UncheckedIOException wrapped = assertThrows(UncheckedIOException.class,
                () -> new CParser(new ParseOptions(List.of(), Map.of(), json, true)));
        assertTrue(wrapped.getCause() instanceof ParseSetupException);

        Path notArray = write("cc2/compile_commands.json", "{\"a\": 1}");
        assertThrows(ParseSetupException.class, () -> CompileCommands.load(notArray));
        Path noFile = write("cc3/compile_commands.json", "[{\"directory\": \"/x\", \"command\": \"gcc\"}]");
        ParseSetupException missingField = assertThrows(ParseSetupException.class, () -> CompileCommands.load(noFile));
        assertTrue(missingField.getMessage().contains("entry #1"), missingField.getMessage());
        assertThrows(ParseSetupException.class, () -> CompileCommands.load(dir.resolve("absent.json")));
    }

    @Test
    void concurrentParsingGivesTheSameResults() throws Exception {
        write("shared.h", "static inline int shared(int a) { return helper(a); }\n");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(write("c" + i + ".c", "#include \"shared.h\"\nvoid f" + i + "(void)\n{\n\tstruct item *p;\n"
                    + "\tlist_for_each_entry(p, &head, node) {\n\t\tcall" + i + "(p);\n\t}\n"
                    + (i % 3 == 0 ? "\tint bad = ;\n" : "") + "}\n"));
        }
        CParser parser = new CParser(ParseOptions.defaults());
        List<String> expected = new ArrayList<>();
        for (Path file : files) {
            expected.add(summary(parser.parse(file)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> results = new ArrayList<>();
                for (Path file : files) {
                    results.add(pool.submit(() -> summary(new CParser(ParseOptions.defaults()).parse(file))));
                    results.add(pool.submit(() -> summary(parser.parse(file))));
                }
                for (int i = 0; i < results.size(); i++) {
                    assertEquals(expected.get(i / 2), results.get(i).get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void companionCoreStyleFileParsesCleanlyWithoutHeaders() throws Exception {
        Path file = dir.resolve("evl-file.c");
        try (var in = CParserTest.class.getResourceAsStream("/parse/evl-file.c")) {
            Files.write(file, in.readAllBytes());
        }
        ParsedUnit unit = parse(file);
        assertEquals(List.of(), unit.problems());
        assertTrue(Asts.calls(Asts.function(unit.ast(), "lookup_fd")).contains("fd_hash"));
        assertTrue(Asts.calls(Asts.function(unit.ast(), "replace_inband_fd"))
                .containsAll(List.of("raw_spin_lock_irqsave", "lookup_fd", "hash_del", "evl_free", "index_fd")));
        assertFalse(Attributes.isWeak(Asts.function(unit.ast(), "install_inband_fd")));
    }

    private static String summary(ParsedUnit unit) {
        String name = unit.path().getFileName().toString();
        String fn = "f" + name.substring(1, name.indexOf('.'));
        return unit.problems() + " " + Asts.calls(Asts.function(unit.ast(), fn)) + " "
                + Asts.calls(Asts.function(unit.ast(), "shared"));
    }
}
