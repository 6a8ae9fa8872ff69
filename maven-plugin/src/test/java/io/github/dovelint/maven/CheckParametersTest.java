package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.kerneldb.DerivedFact;
import io.github.dovelint.kerneldb.KernelDbWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check goal's console parameters ({@code logViolationsToConsole}, {@code quiet},
 * {@code stats}) and the analysis parameters it shares with the other goals ({@code kernelDb},
 * the limits, {@code threads}), run in-process on a small project.
 */
class CheckParametersTest {

    @TempDir
    Path dir;

    @Test
    void findingsAreLoggedAsErrorsWithTheSummaryByDefault() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> p.check().execute());
        String log = p.log.text();
        assertTrue(log.contains("[ERROR] hooks.c:7:2: error: mutex_lock() may sleep"), log);
        assertTrue(log.contains("[DL101]"), log);
        assertTrue(log.contains("[ERROR] dovelint: 1 error, 0 warnings, 0 notes in 1 file"), log);
        assertTrue(log.contains("[INFO] dovelint: reports: "), log);
        assertTrue(e.getMessage().contains("See the findings above and the reports"), e.getMessage());
    }

    @Test
    void logViolationsToConsoleOffKeepsTheSummaryAndTheFailure() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        CheckMojo check = p.check();
        check.logViolationsToConsole = false;
        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
        String log = p.log.text();
        assertFalse(log.contains("may sleep"), log);
        assertTrue(log.contains("dovelint: 1 error, 0 warnings, 0 notes in 1 file"), log);
        assertTrue(e.getMessage().contains("dovelint found 1 finding at or above error"), e.getMessage());
        assertTrue(e.getMessage().contains("See the findings in the reports"), e.getMessage());
        assertTrue(Files.readString(p.target().resolve("dovelint/dovelint.json")).contains("mutex_lock() may sleep"));
    }

    @Test
    void quietLogsTheFindingsOnly() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        CheckMojo check = p.check();
        check.quiet = true;
        assertThrows(MojoFailureException.class, check::execute);
        String log = p.log.text();
        assertTrue(log.contains("[ERROR] hooks.c:7:2: error: mutex_lock() may sleep"), log);
        assertFalse(log.contains("dovelint: 1 error"), log);
        assertFalse(log.contains("reports:"), log);
        assertFalse(log.contains("nothing to check for"), log);
        assertTrue(Files.isRegularFile(p.target().resolve("dovelint/dovelint.json")), "the report is still written");
    }

    @Test
    void statsSayWhereTheTimeWent() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        CheckMojo check = p.check();
        check.stats = true;
        check.failOnSeverity = "none";
        check.execute();
        String log = p.log.text();
        assertTrue(log.contains("[INFO] dovelint: 1 files, 9 lines, 1 findings, 0 parse problems in "), log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("[INFO] dovelint: time: ") && l.contains(" parse ")
                && l.contains(" rules ")), log);
    }

    @Test
    void kernelDbIsLoadedBelowTheKnowledgeBase() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", """
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                \tfoo_wait(fd);
                }
                """);
        CheckMojo without = p.check();
        without.failOnSeverity = "none";
        without.execute();
        assertFalse(p.log.text().contains("foo_wait() may sleep"), p.log.text());
        CheckMojo none = p.check();
        none.kernelDb = "none";
        none.failOnSeverity = "none";
        none.execute();

        Path db = dir.resolve("kernel.db");
        KernelDbWriter.write(List.of(new DerivedFact("foo_wait", "sleeps", "true", "calls msleep() at kernel/foo.c:12")),
                db);
        CheckMojo with = p.check();
        with.kernelDb = db.toString();
        assertThrows(MojoFailureException.class, with::execute);
        assertTrue(p.log.text().contains("[ERROR] hooks.c:3:2: error: foo_wait() may sleep"), p.log.text());
    }

    @Test
    void configPassFalseChecksTheSourcesAsGivenOnly() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", """
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                #ifdef CONFIG_EVL_SLOW
                	msleep(1);
                #endif
                }
                """);
        CheckMojo byDefault = p.check();
        assertThrows(MojoFailureException.class, byDefault::execute);
        assertTrue(p.log.text().contains("msleep() may sleep") && p.log.text().contains(
                "(only with CONFIG_EVL_SLOW defined)"), p.log.text());
        TestProject q = new TestProject(dir.resolve("off")).file("hooks.c", """
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                #ifdef CONFIG_EVL_SLOW
                	msleep(1);
                #endif
                }
                """);
        CheckMojo off = q.check();
        off.configPass = false;
        off.execute();
        assertFalse(q.log.text().contains("may sleep"), q.log.text());
        assertTrue(q.log.text().contains("dovelint: 0 errors, 0 warnings, 0 notes in 1 file"), q.log.text());
    }

    @Test
    void theShippedKernelDbIsReadByDefault() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", """
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	spi_sync(0, 0);
                }
                """);
        CheckMojo byDefault = p.check();
        assertThrows(MojoFailureException.class, byDefault::execute);
        assertTrue(p.log.text().contains("error: spi_sync() may sleep: calls mutex_lock() at drivers/spi/spi.c:"),
                p.log.text());
        assertTrue(p.log.text().contains(" in linux-6.12; reachable from"), p.log.text());
        CheckMojo older = p.check();
        older.kernelDb = "linux-6.1";
        assertThrows(MojoFailureException.class, older::execute);
        assertTrue(p.log.text().contains(" in linux-6.1; reachable from"), p.log.text());
    }

    @Test
    void aMissingKernelDbIsAnErrorNamingIt() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        CheckMojo check = p.check();
        check.kernelDb = dir.resolve("missing.db").toString();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, check::execute);
        assertTrue(e.getMessage().startsWith("dovelint: ") && e.getMessage().contains("missing.db"), e.getMessage());
    }

    @Test
    void badLimitsAndThreadsNameTheParameter() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        CheckMojo depth = p.check();
        depth.maxAstDepth = 3;
        assertEquals("dovelint: maxAstDepth: the AST depth limit must be at least 16",
                assertThrows(MojoExecutionException.class, depth::execute).getMessage());
        CheckMojo timeout = p.check();
        timeout.fileTimeout = "soon";
        assertEquals("dovelint: fileTimeout: 'soon' is not a duration (expected e.g. 30s, 500ms, 2m)",
                assertThrows(MojoExecutionException.class, timeout::execute).getMessage());
        CheckMojo threads = p.check();
        threads.threads = -1;
        assertEquals("dovelint: threads must be at least 1, or 0 for the number of cores (got -1)",
                assertThrows(MojoExecutionException.class, threads::execute).getMessage());
    }

    @Test
    void aFileOverMaxFileSizeFailsTheBuildUnlessKeepGoing() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK)
                .file("big.c", "int big;\n" + "/* padding */\n".repeat(200));
        CheckMojo check = p.check();
        check.failOnSeverity = "none";
        check.maxFileSize = "1k";
        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(e.getMessage().contains("dovelint could not analyse everything (1 file(s) not analysed: big.c)"),
                e.getMessage());
        assertTrue(p.log.text().contains("big.c: warning: input problem: skipped: too large"), p.log.text());

        CheckMojo going = p.check();
        going.failOnSeverity = "none";
        going.maxFileSize = "1k";
        going.keepGoing = true;
        going.execute();
    }
}
