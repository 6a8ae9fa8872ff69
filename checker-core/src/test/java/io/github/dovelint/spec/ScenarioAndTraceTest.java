package io.github.dovelint.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScenarioAndTraceTest {

    private static String error(String text) {
        return assertThrows(ScenarioException.class, () -> Explainer.explain(Scenario.parse("s.txt", text), new ReferenceCore()))
                .getMessage();
    }

    @Test
    void scenarioLinesRoundTrip() throws Exception {
        String text = "open T1 oob cloexec resizing\ndup T1 0\nfcntl-dupfd T1 0 3 cloexec\ndup2 T1 0 1\ndup3 T1 0 1 cloexec\n"
                + "close T1 0\nclose-range T1 0 9 cloexec\nexec T1\nfork T1 T2\nclone-files T1 T3\nunshare T3\nexit T1\n"
                + "hold T2 F1\ndrop T2 F1\n";
        Scenario s = Scenario.parse("s", "# comment\n\n" + text.replace("dup T1 0", "dup T1 0   # trailing"));
        assertEquals(text, Scenario.format(s.steps().stream().map(Scenario.Step::op).toList()));
        assertEquals(3, s.steps().get(0).line());
    }

    @Test
    void badScenariosGetLocatedErrors() {
        assertEquals("s.txt:2:1: unknown operation 'opne' (expected one of: open, dup, fcntl-dupfd, dup2, dup3, close, "
                + "close-range, exec, fork, clone-files, unshare, exit, hold, drop)", error("open T1 oob\nopne T1 oob"));
        assertEquals("s.txt:1:9: expected oob or plain, found 'oops'", error("open T1 oops"));
        assertEquals("s.txt:1:7: missing number after 'T1'", error("dup T1"));
        assertEquals("s.txt:1:12: unexpected '2' after close's arguments", error("close T1 1 2"));
        assertEquals("s.txt:1:10: expected a non-negative number, found '-1'", error("close T1 -1"));
        assertEquals("s.txt:2:7: no task 'T2' (tasks: T1)", error("open T1 oob\nclose T2 0"));
        assertEquals("s.txt:1:9: task 'T1' already exists", error("fork T1 T1"));
        assertEquals("s.txt:1:9: nobody holds a reference on F1 (hold first)", error("drop T1 F1"));
        assertEquals("s.txt:1:9: expected a table like F1, found '1'", error("hold T1 1"));
    }

    @Test
    void explainShowsCallsContextsAndTheIndex() throws Exception {
        Explainer.Result r = Explainer.explain(Scenario.parse("s", "open T1 oob\nopen T1 plain\ndup2 T1 1 0\n"), new ReferenceCore());
        assertTrue(r.ok());
        assertTrue(r.text().contains("3. dup2 T1 1 0 -> fd 0\n   replace(fd=0, file=#2 plain, files=F1)\n"
                + "      at do_dup2(): file_lock held, preemption off, current->files == files (T1)\n"
                + "   - no hook: the old file #1 of fd 0 is closed after unlocking, without uninstall\n"
                + "   - file #1 released\n   tables: T1:F1[0=#2, 1=#2]\n   index: (empty)\n"), r.text());
        Explainer.Result bad = Explainer.explain(Scenario.parse("s", "open T1 oob\nopen T1 plain\ndup2 T1 1 0\n"),
                new FaultyCores.StaleReplace());
        assertFalse(bad.ok());
        assertTrue(bad.text().contains("INVARIANT BROKEN at step 3 (s:3): entry F1:0->#1 outlives its file #1"), bad.text());
    }

    @Test
    void tracesConformOrReportTheFirstDivergence() throws Exception {
        String good = """
                {"hook":"install","fd":0,"files":1,"file":1,"oob":true,"task":"T1","index":[[1,0,1]]}
                {"hook":"install","fd":1,"files":1,"file":2,"oob":false,"task":"T1"}
                {"hook":"uninstall","fd":0,"files":2,"file":1,"oob":true,"task":"T2"}
                {"hook":"replace","fd":0,"files":1,"file":2,"oob":false,"task":"T1","index":[]}
                """;
        TraceChecker.Result r = TraceChecker.check("t.jsonl", good);
        assertTrue(r.ok(), r.text());
        assertEquals("t.jsonl: 4 hook calls conform to the spec; reference index: (empty)\n", r.text());

        String stale = good.replace("\"index\":[]}", "\"index\":[[1,0,1]]}");
        r = TraceChecker.check("t.jsonl", stale);
        assertFalse(r.ok());
        assertEquals("t.jsonl:4: step 4: first divergence: replace(fd=0, file=#2 plain, files=F1) by T1: the recorded index is "
                + "F1:0->#1, the reference core's is (empty)\n", r.text());

        r = TraceChecker.check("t.jsonl", good + "{\"hook\":\"install\",\"fd\":1,\"files\":1,\"file\":3,\"oob\":false,\"task\":1}\n");
        assertEquals(5, r.steps());
        assertTrue(r.text().contains("F1:1 is open with #2; fd_install() only fills a free fd"), r.text());

        r = TraceChecker.check("t.jsonl", "{\"hook\":\"install\",\"fd\":1,\"files\":1,\"file\":3,\"oob\":false,\"task\":1}\n"
                + "{\"hook\":\"uninstall\",\"fd\":1,\"files\":1,\"file\":4,\"oob\":false,\"task\":1}\n");
        assertTrue(r.text().startsWith("t.jsonl:2: step 2: first divergence") && r.text().contains("holds #3"), r.text());
    }

    @Test
    void badTracesGetLocatedErrors() {
        assertEquals("t:2:14: not JSON: Unexpected character ('}' (code 125)): was expecting a colon to separate field name and value",
                assertThrows(ScenarioException.class, () -> TraceChecker.check("t",
                        "{\"hook\":\"install\",\"fd\":0,\"files\":1,\"file\":1,\"oob\":true,\"task\":\"T1\"}\n{\"hook\":1,\"a\"}")).getMessage());
        assertEquals("t:1:1: missing field 'oob' (expected hook, fd, files, file, oob, task)",
                assertThrows(ScenarioException.class, () -> TraceChecker.check("t",
                        "{\"hook\":\"install\",\"fd\":0,\"files\":1,\"file\":1,\"task\":\"T1\"}")).getMessage());
        assertEquals("t:1:19: 'fd' must be a non-negative integer, found \"x\"",
                assertThrows(ScenarioException.class, () -> TraceChecker.check("t",
                        "{\"hook\":\"install\",\"fd\":\"x\",\"files\":1,\"file\":1,\"oob\":true,\"task\":\"T1\"}")).getMessage());
        assertEquals("t:1:2: 'hook' must be install, replace or uninstall, found \"close\"",
                assertThrows(ScenarioException.class, () -> TraceChecker.check("t",
                        "{\"hook\":\"close\",\"fd\":0,\"files\":1,\"file\":1,\"oob\":true,\"task\":\"T1\"}")).getMessage());
    }
}
