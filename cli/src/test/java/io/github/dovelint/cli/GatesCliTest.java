package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --baseline}, {@code --update-baseline}, {@code --prune}, {@code --new-since} and the new formats. */
class GatesCliTest {

    private static final String DECLS = "struct file;\nstruct files_struct;\nvoid msleep(unsigned int msecs);\n"
            + "void ssleep(unsigned int secs);\n";
    private static final String HOOK = "void install_inband_fd(unsigned int fd, struct file *file,"
            + " struct files_struct *files)\n";

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Cli.Result check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--root", dir.toString()));
        args.addAll(List.of(extra));
        args.add(dir.resolve("hook.c").toString());
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void baselineAcceptsOldFindingsAndPrunes() throws IOException {
        write("hook.c", DECLS + HOOK + "{\n\tmsleep(1);\n}\n");
        String baseline = dir.resolve("baseline.json").toString();
        Cli.Result created = check("--baseline", baseline, "--update-baseline");
        assertEquals(0, created.exit(), created::toString);
        assertTrue(created.err().contains("wrote " + baseline + ": 1 entries (1 new)"), created::toString);

        write("hook.c", "/* moved */\n" + DECLS + HOOK + "{\n\tmsleep(1);\n}\n");
        Cli.Result honoured = check("--baseline", baseline);
        assertEquals(0, honoured.exit(), honoured::toString);

        write("hook.c", DECLS + HOOK + "{\n\tssleep(1);\n}\n");
        Cli.Result fresh = check("--baseline", baseline);
        assertEquals(1, fresh.exit(), fresh::toString);
        assertTrue(fresh.out().contains("ssleep() may sleep"), fresh::toString);
        assertTrue(fresh.err().contains("1 baseline entry matches no finding any more"), fresh::toString);

        Cli.Result pruned = check("--baseline", baseline, "--update-baseline", "--prune");
        assertEquals(0, pruned.exit(), pruned::toString);
        assertTrue(pruned.err().contains("1 stale entries pruned:"), pruned::toString);
        assertEquals(0, check("--baseline", baseline).exit());
    }

    @Test
    void baselineUsageErrors() throws IOException {
        write("hook.c", DECLS);
        assertEquals(2, check("--update-baseline").exit());
        Cli.Result missing = check("--baseline", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such baseline file"), missing::toString);
    }

    @Test
    void newSinceReportsOnlyChangedLines() throws Exception {
        assumeTrue(git("--version"));
        write("hook.c", DECLS + HOOK + "{\n\tmsleep(1);\n}\n");
        assertTrue(git("init", "-q") && git("add", ".") && git("commit", "-q", "-m", "base"));
        write("hook.c", DECLS + HOOK + "{\n\tmsleep(1);\n\tssleep(1);\n}\n");
        Cli.Result r = check("--new-since", "HEAD");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("ssleep() may sleep"), r::toString);
        assertTrue(!r.out().contains("msleep() may sleep"), r::toString);
        Cli.Result bad = check("--new-since", "no-such-ref");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("unknown git ref 'no-such-ref'"), bad::toString);
    }

    @Test
    void newFormats() throws IOException {
        write("hook.c", DECLS + HOOK + "{\n\tmsleep(1);\n}\n");
        assertTrue(check("--format", "checkstyle").out().contains("source=\"dovelint.DL101\""));
        assertTrue(check("--format", "gitlab").out().contains("\"check_name\": \"DL101\""));
        String html = check("--format", "html").out();
        assertTrue(html.contains("<span class=\"hit\">7      msleep(1);</span>"), html);
    }

    private boolean git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
