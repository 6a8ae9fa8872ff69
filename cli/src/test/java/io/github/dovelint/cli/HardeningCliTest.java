package io.github.dovelint.cli;

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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit-code policy for incomplete runs, {@code --keep-going}, the limits
 * options and configuration, reports left untouched by failing runs, and HTML
 * escaping of everything that comes from the sources or the configuration.
 */
class HardeningCliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Cli.Result check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--root", dir.toString()));
        args.addAll(Arrays.asList(extra));
        args.add(dir.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private void sleepingHook() throws IOException {
        write("src/hook.c", CheckCommandTest.SLEEPING_HOOK);
    }

    @Test
    void aFileThatCannotBeAnalysedMakesTheRunExitTwoUnlessKeepGoing() throws IOException {
        sleepingHook();
        Files.write(dir.resolve("src/blob.c"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        Cli.Result r = check("--format", "json");
        assertEquals(Main.EXIT_USAGE, r.exit(), r.toString());
        JsonNode doc = MAPPER.readTree(r.out());
        assertEquals(1, doc.path("findings").size(), "the other files are still analysed and reported");
        assertFalse(doc.path("complete").asBoolean(true));
        assertEquals("src/blob.c", doc.path("notAnalysed").get(0).asText());
        assertTrue(r.err().contains("src/blob.c:1: warning: input problem: binary file"), r.err());
        assertTrue(r.err().contains("the run is incomplete (1 file not analysed)"), r.err());

        Cli.Result going = check("--format", "json", "--keep-going");
        assertEquals(Main.EXIT_FINDINGS, going.exit(), going.toString());
        assertFalse(MAPPER.readTree(going.out()).path("complete").asBoolean(true), "still says incomplete");
    }

    @Test
    void parseProblemsAloneDoNotChangeTheExitCode() throws IOException {
        write("src/broken.c", "int f(void) { return 1 +; }\n/* never closed\n");
        Cli.Result r = check();
        assertEquals(Main.EXIT_CLEAN, r.exit(), r.toString());
        assertTrue(r.err().contains("src/broken.c:1:"), r.err());
        assertTrue(r.err().contains("unterminated comment"), r.err());
        sleepingHook();
        assertEquals(Main.EXIT_FINDINGS, check().exit());
    }

    @Test
    void limitsFromTheCommandLine() throws IOException {
        sleepingHook();
        write("src/big.c", "int x;\n".repeat(100));
        Cli.Result r = check("--max-file-size", "500");
        assertEquals(Main.EXIT_USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("src/big.c: warning: input problem: skipped: too large (700 bytes, over the limit of 500"),
                r.err());
        assertEquals(Main.EXIT_FINDINGS, check("--max-file-size", "500", "--keep-going").exit());
        assertEquals(Main.EXIT_FINDINGS, check("--max-file-size", "1k").exit());

        Cli.Result bad = check("--max-file-size", "lots");
        assertEquals(Main.EXIT_USAGE, bad.exit());
        assertTrue(bad.err().contains("'lots' is not a size for --max-file-size"), bad.err());
        Cli.Result badTime = check("--file-timeout", "-3s");
        assertEquals(Main.EXIT_USAGE, badTime.exit());
        assertTrue(badTime.err().contains("is not a duration for --file-timeout"), badTime.err());
        Cli.Result badDepth = check("--max-ast-depth", "3");
        assertEquals(Main.EXIT_USAGE, badDepth.exit());
        assertTrue(badDepth.err().contains("--max-ast-depth must be at least 16"), badDepth.err());
    }

    @Test
    void limitsFromTheConfigurationAreValidatedWithLineAndColumn() throws IOException {
        sleepingHook();
        write("src/big.c", "int x;\n".repeat(100));
        write(".dovelint.yml", "limits:\n  max-file-size: 500\n  file-timeout: 30s\n  max-ast-depth: 100\n");
        Cli.Result r = check();
        assertEquals(Main.EXIT_USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("skipped: too large"), r.err());
        assertEquals(Main.EXIT_FINDINGS, check("--max-file-size", "1M").exit(), "the command line wins");

        write(".dovelint.yml", "rules:\n  DL101: error\nlimits:\n  file-timeout: soon\n");
        Cli.Result bad = check();
        assertEquals(Main.EXIT_USAGE, bad.exit());
        assertTrue(bad.err().contains(".dovelint.yml:4:17: 'soon' is not a duration"), bad.err());
        write(".dovelint.yml", "limits:\n  max-file-sise: 5\n");
        Cli.Result typo = check();
        assertEquals(Main.EXIT_USAGE, typo.exit());
        assertTrue(typo.err().contains(".dovelint.yml:2:3:"), typo.err());
    }

    @Test
    void aFailingRunLeavesThePreviousReportUntouched() throws IOException {
        sleepingHook();
        Path report = dir.resolve("out/report.sarif");
        Cli.Result first = check("--format", "sarif", "-o", report.toString());
        assertEquals(Main.EXIT_FINDINGS, first.exit(), first.toString());
        byte[] before = Files.readAllBytes(report);
        JsonNode inv = MAPPER.readTree(before).path("runs").get(0).path("invocations").get(0);
        assertTrue(inv.path("executionSuccessful").asBoolean(false));
        assertTrue(inv.path("properties").path("configDigest").asText().startsWith("sha256:"));

        write(".dovelint.yml", "rules: [not, a, map]\n");
        assertEquals(Main.EXIT_USAGE, check("--format", "sarif", "-o", report.toString()).exit());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(report), "bad config: untouched");
        Files.delete(dir.resolve(".dovelint.yml"));
        Cli.Result missing = Cli.run("check", "--root", dir.toString(), "-o", report.toString(),
                dir.resolve("nothing.c").toString());
        assertEquals(Main.EXIT_USAGE, missing.exit());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(report), "missing path: untouched");
        try (var files = Files.list(report.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theConfigurationDigestChangesWithTheConfiguration() throws IOException {
        sleepingHook();
        String a = MAPPER.readTree(check("--format", "json").out()).path("configDigest").asText();
        String again = MAPPER.readTree(check("--format", "json").out()).path("configDigest").asText();
        write(".dovelint.yml", "rules:\n  DL101: warning\n");
        String b = MAPPER.readTree(check("--format", "json").out()).path("configDigest").asText();
        String c = MAPPER.readTree(check("--format", "json", "-DFOO=1").out()).path("configDigest").asText();
        assertTrue(a.matches("sha256:[0-9a-f]{64}"), a);
        assertEquals(a, again, "deterministic");
        assertFalse(a.equals(b));
        assertFalse(b.equals(c));
    }

    @Test
    void pruningTheBaselineIsRefusedForAnIncompleteRun() throws IOException {
        sleepingHook();
        Path baseline = dir.resolve("baseline.json");
        assertEquals(Main.EXIT_CLEAN, check("--baseline", baseline.toString(), "--update-baseline").exit());
        byte[] before = Files.readAllBytes(baseline);
        Files.write(dir.resolve("src/blob.c"), new byte[] {0, 1, 2});
        Cli.Result r = check("--baseline", baseline.toString(), "--update-baseline", "--prune");
        assertEquals(Main.EXIT_USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("not pruning the baseline"), r.err());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(baseline));
    }

    @Test
    void theHtmlReportEscapesSourceTextAndConfiguredMessages() throws IOException {
        write(".dovelint.yml", """
                functions:
                  evil_wait: { sleeps: true, why: "<script>alert('why')</script>" }
                """);
        write("src/evil.c", CheckCommandTest.HOOK_DECLS + """
                void evil_wait(const char *s);
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	/* <script>alert('comment')</script> */
                	evil_wait("<script>alert('string')</script>"); /* </pre><script>x()</script> */
                }
                """);
        Path html = dir.resolve("report.html");
        Cli.Result r = check("--format", "html", "-o", html.toString());
        assertEquals(Main.EXIT_FINDINGS, r.exit(), r.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("evil_wait"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;why&#39;)"), "the configured why is shown, escaped");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;string&#39;)"), "the source line is shown, escaped");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;comment&#39;)"), "the context is shown, escaped");
        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"), page);
        assertFalse(page.contains("</pre><"), page);
    }
}
