package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cacheDirectory} and {@code noCache}: a second build over unchanged sources replays the
 * first one's findings without parsing, an edit is seen, and without the cache nothing is kept.
 */
class FactsCacheTest {

    @TempDir
    Path dir;

    @Test
    void theSecondBuildReplaysTheFirstAndAnEditIsSeen() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        String first = run(p, false);
        assertTrue(first.contains(" parse ") && first.contains(" rules "), first);
        Path cache = p.target().resolve("dovelint-cache");
        assertTrue(files(cache) >= 2, "facts and the unit's run record are in " + cache);
        String firstReport = report(p);

        String second = run(p, false);
        assertTrue(second.startsWith("[INFO] dovelint: time: reuse check "), second);
        assertFalse(second.contains(" parse ") || second.contains(" rules "), "nothing parsed, no rule run: " + second);
        assertEquals(firstReport, report(p), "the same findings");

        p.file("hooks.c", TestProject.SLEEPING_HOOK.replace("mutex_lock(&evl_lock);", "/* fixed */"));
        assertTrue(run(p, false).contains(" parse "), "the edited file is parsed again");
        assertFalse(report(p).contains("may sleep"), report(p));
    }

    @Test
    void noCacheReadsAndWritesNothing() throws Exception {
        TestProject p = new TestProject(dir).file("hooks.c", TestProject.SLEEPING_HOOK);
        run(p, true);
        String second = run(p, true);
        assertTrue(second.contains(" parse "), second);
        assertFalse(Files.exists(p.target().resolve("dovelint-cache")), "no cache directory");
    }

    /** Runs check with stats; its time line. */
    private static String run(TestProject p, boolean noCache) throws Exception {
        CheckMojo check = p.check();
        check.failOnSeverity = "none";
        check.stats = true;
        check.noCache = noCache;
        int before = p.log.lines().size();
        check.execute();
        List<String> lines = p.log.lines();
        return lines.subList(before, lines.size()).stream().filter(l -> l.contains("dovelint: time: "))
                .findFirst().orElseThrow(() -> new AssertionError("no time line in " + p.log.text()));
    }

    private static String report(TestProject p) throws Exception {
        return Files.readString(p.target().resolve("dovelint/dovelint.json"));
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
