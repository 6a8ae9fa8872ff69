package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.Version;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionPrintsTheVersion() {
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"check", "--version"}, {"rules", "-V"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exit(), r::toString);
            assertEquals("dovelint " + Version.get() + "\n", r.out(), r::toString);
        }
    }

    @Test
    void noCommandExitsTwoWithUsage() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("dovelint: missing command: check, rules, spec or kb\n"), r::toString);
        assertTrue(r.err().contains("Usage: dovelint"), r::toString);
        assertTrue(r.err().contains("check"), r::toString);
        assertTrue(r.err().contains("rules"), r::toString);
    }

    @Test
    void unknownCommandIsOneLineWithAHint() {
        Cli.Result r = Cli.run("chek", "samples");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dovelint: "), r::toString);
        assertTrue(r.err().contains("Try 'dovelint --help' for more information."), r::toString);
        assertFalse(r.err().contains("Usage:"), r::toString);
    }

    @Test
    void unknownTopLevelOption() {
        Cli.Result r = Cli.run("--frobnicate");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dovelint: Unknown option: '--frobnicate'"), r::toString);
    }

    @Test
    void helpExitsZero() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Usage: dovelint"), r::toString);
        assertEquals(0, Cli.run("help", "check").exit());
    }

    @Test
    void internalErrorsAreOneLine() {
        String line = Main.internalError(new java.util.concurrent.CompletionException(
                new IllegalStateException("bad state\nsecond line")));
        assertEquals("dovelint: internal error: IllegalStateException: bad state second line"
                + " (this is a dovelint bug; please report it with the command line)", line);
        assertFalse(Main.internalError(new NullPointerException()).contains("\n"));
    }
}
