package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled samples through the command line, as {@code ./dovelint check samples} runs them. */
class SamplesCliTest {

    /** Surefire runs in the cli module directory; command-line paths are relative to it, not to --root. */
    static final String REPO = "..";
    static final String SAMPLES = "../samples";

    @Test
    void samplesHaveFindingsAndTheReportIsByteIdentical() {
        assertTrue(Files.isRegularFile(Path.of(SAMPLES, ".dovelint.yml")), "run from the cli module: " + SAMPLES);
        String[] args = {"check", "--root", REPO, SAMPLES};
        Cli.Result first = Cli.run(args);
        Cli.Result second = Cli.run(args);
        assertEquals(1, first.exit(), first::toString);
        assertEquals(1, second.exit(), second::toString);
        assertTrue(first.out().startsWith("samples/"), first::toString);
        assertTrue(first.out().contains(" [DL101]\n"), first::toString);
        assertTrue(first.out().contains(" [DL104]\n"), first::toString);
        assertTrue(first.out().lines().reduce((a, b) -> b).orElse("").startsWith("dovelint: "), first::toString);
        assertArrayEquals(first.outBytes(), second.outBytes());
        assertEquals(first.err(), second.err());
    }

    @Test
    void samplesWithOneThreadMatchManyThreads() {
        Cli.Result one = Cli.run("check", "--root", REPO, "--threads", "1", SAMPLES);
        Cli.Result four = Cli.run("check", "--root", REPO, "--threads", "4", SAMPLES);
        assertEquals(1, one.exit(), one::toString);
        assertArrayEquals(one.outBytes(), four.outBytes());
    }
}
