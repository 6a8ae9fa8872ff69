package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void contractsPrintsTheGeneratedTable() {
        Cli.Result r = Cli.run("spec", "contracts");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("uninstall_inband_fd  close_files() at exit"), r::toString);
        assertTrue(r.out().contains("replace_inband_fd: may run atomic; file_lock always held"), r::toString);
        Cli.Result why = Cli.run("spec", "contracts", "--why");
        assertTrue(why.out().startsWith("<!-- generated from InbandFdHooks.java"), why::toString);
    }

    @Test
    void theReadmeExampleIsTheRealOutput() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Reference tracker");
        assertTrue(section >= 0, "README has no Reference tracker section");
        String marker = "./dovelint spec explain - <<'EOF'\n";
        int start = readme.indexOf(marker, section);
        assertTrue(start >= 0, "no spec explain example");
        int end = readme.indexOf("\nEOF\n", start);
        String scenario = readme.substring(start + marker.length(), end + 1);
        int out = readme.indexOf("```\n", readme.indexOf("```", end + 5) + 3);
        int outEnd = readme.indexOf("```\n", out + 4);
        String expected = readme.substring(out + 4, outEnd);
        Cli.Result r = Cli.run("spec", "explain", file("example.txt", scenario).toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(expected, r.out(), "update the README's spec explain example");
    }

    @Test
    void explainReportsABrokenInvariantWithExit1() throws Exception {
        Path s = file("s.txt", "open T1 oob\nopen T1 plain\ndup2 T1 1 0\n");
        assertEquals(0, Cli.run("spec", "explain", s.toString()).exit());
        Cli.Result r = Cli.run("spec", "explain", "--core", "stale-replace", s.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("INVARIANT BROKEN at step 3 (" + s + ":3): entry F1:0->#1 outlives its file #1"), r::toString);
    }

    @Test
    void badInputGetsALocatedErrorAndExit2() throws Exception {
        Path s = file("s.txt", "open T1 oob\n\nclose T9 0\n");
        Cli.Result r = Cli.run("spec", "explain", s.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals(s + ":3:7: no task 'T9' (tasks: T1)\n", r.err());
        assertEquals(2, Cli.run("spec", "explain", dir.resolve("missing.txt").toString()).exit());
        assertEquals(2, Cli.run("spec", "explain", "--core", "nope", s.toString()).exit());
        assertEquals(2, Cli.run("spec").exit());
        Path t = file("t.jsonl", "{\"hook\":\"install\",\"fd\":0}\n");
        Cli.Result tr = Cli.run("spec", "check-trace", t.toString());
        assertEquals(2, tr.exit(), tr::toString);
        assertEquals(t + ":1:1: missing field 'files' (expected hook, fd, files, file, oob, task)\n", tr.err());
    }

    @Test
    void checkTraceReportsTheFirstDivergence() throws Exception {
        Path t = file("t.jsonl", """
                {"hook":"install","fd":0,"files":1,"file":1,"oob":true,"task":"T1","index":[[1,0,1]]}
                {"hook":"replace","fd":0,"files":1,"file":2,"oob":false,"task":"T1","index":[[1,0,1]]}
                """);
        Cli.Result r = Cli.run("spec", "check-trace", t.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(t + ":2: step 2: first divergence: replace(fd=0, file=#2 plain, files=F1) by T1: the recorded index is "
                + "F1:0->#1, the reference core's is (empty)\n", r.out());
        Path ok = file("ok.jsonl", "{\"hook\":\"install\",\"fd\":0,\"files\":1,\"file\":1,\"oob\":true,\"task\":\"T1\"}\n");
        Cli.Result good = Cli.run("spec", "check-trace", ok.toString());
        assertEquals(0, good.exit(), good::toString);
        assertEquals(ok + ": 1 hook call conforms to the spec; reference index: F1:0->#1\n", good.out());
    }

    @Test
    void aScenarioOrTraceOverItsSizeLimitIsRefusedWithExit2() throws Exception {
        Path big = file("big.txt", "");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // sparse: refused before a byte is read
        }
        for (String command : new String[] {"explain", "check-trace"}) {
            Cli.Result r = Cli.run("spec", command, big.toString());
            assertEquals(2, r.exit(), r::toString);
            assertEquals("dovelint: cannot read " + big + ": larger than 64 MiB: the size limit for a scenario or trace\n",
                    r.err(), r::toString);
        }
    }
}
