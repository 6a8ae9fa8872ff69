package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled samples through the command line, as {@code ./dovelint check samples} runs them. */
class SamplesCliTest {

    /** Surefire runs in the cli module directory. */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path SAMPLES = REPO.resolve("samples");

    @Test
    void samplesHaveFindingsAndTheReportIsByteIdentical() {
        assertTrue(Files.isRegularFile(SAMPLES.resolve(".dovelint.yml")), "run from the cli module: " + SAMPLES);
        String[] args = {"check", "--root", REPO.toString(), SAMPLES.toString()};
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
        Cli.Result one = Cli.run("check", "--root", REPO.toString(), "--threads", "1", SAMPLES.toString());
        Cli.Result four = Cli.run("check", "--root", REPO.toString(), "--threads", "4", SAMPLES.toString());
        assertEquals(1, one.exit(), one::toString);
        assertArrayEquals(one.outBytes(), four.outBytes());
    }
}
