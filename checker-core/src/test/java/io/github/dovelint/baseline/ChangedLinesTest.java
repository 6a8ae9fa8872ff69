package io.github.dovelint.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedLinesTest {

    @Test
    void parsesHunks() {
        String diff = """
                diff --git a/x.c b/x.c
                --- a/x.c
                +++ b/x.c
                @@ -3 +3 @@ f
                @@ -10,0 +11,2 @@
                @@ -20,3 +22,0 @@
                diff --git a/gone.c b/gone.c
                --- a/gone.c
                +++ /dev/null
                @@ -1,3 +0,0 @@
                +++ "b/sp ace\\303\\251.c"
                @@ -1 +1 @@
                """;
        Map<Path, BitSet> map = ChangedLines.parse(Path.of("/r"), diff);
        BitSet x = map.get(Path.of("/r/x.c"));
        assertEquals("{3, 11, 12}", x.toString());
        assertEquals("{1}", map.get(Path.of("/r/sp aceé.c")).toString());
        assertEquals(2, map.size());
    }

    @Test
    void findsLinesChangedSinceARef(@TempDir Path repo) throws Exception {
        assumeTrue(TestGit.available(), "git is not installed");
        Files.writeString(repo.resolve("a.c"), "one\ntwo\nthree\nfour\n");
        Files.writeString(repo.resolve("keep.c"), "k\n");
        TestGit.run(repo, "init", "-q");
        TestGit.run(repo, "add", ".");
        TestGit.run(repo, "commit", "-q", "-m", "base");
        TestGit.run(repo, "branch", "base");
        Files.writeString(repo.resolve("a.c"), "zero\none\ntwo\nTHREE\nfour\n");
        TestGit.run(repo, "commit", "-q", "-am", "change");
        Files.createDirectories(repo.resolve("sub"));
        Files.writeString(repo.resolve("sub/new.c"), "n1\nn2\n"); // untracked: wholly new

        ChangedLines changed = ChangedLines.since(repo.resolve("sub"), "base");
        Path real = repo.toRealPath();
        assertTrue(changed.contains(real.resolve("a.c"), 1));
        assertFalse(changed.contains(real.resolve("a.c"), 2));
        assertTrue(changed.contains(real.resolve("a.c"), 4));
        assertFalse(changed.contains(real.resolve("keep.c"), 1));
        assertTrue(changed.contains(real.resolve("sub/new.c"), 2));

        AnalysisResult result = new AnalysisResult("1", List.of(
                finding("a.c", 2), finding("a.c", 4), finding("keep.c", 1), finding("sub/new.c", 1)),
                List.of(), List.of(), List.of(), 3);
        List<Finding> kept = changed.filter(result, repo).findings();
        assertEquals(List.of("a.c:4", "sub/new.c:1"),
                kept.stream().map(f -> f.location().file() + ":" + f.location().line()).toList());
    }

    @Test
    void unknownRefsAreReported(@TempDir Path repo) throws Exception {
        assumeTrue(TestGit.available(), "git is not installed");
        Files.writeString(repo.resolve("a.c"), "x\n");
        TestGit.run(repo, "init", "-q");
        TestGit.run(repo, "add", ".");
        TestGit.run(repo, "commit", "-q", "-m", "base");
        IOException e = assertThrows(IOException.class, () -> ChangedLines.since(repo, "origin/nope"));
        assertTrue(e.getMessage().startsWith("unknown git ref 'origin/nope'"), e.getMessage());
        assertThrows(IOException.class, () -> ChangedLines.since(repo, "--output=x"));
    }

    @Test
    void outsideAWorkTreeIsAnError(@TempDir Path dir) {
        assumeTrue(TestGit.available(), "git is not installed");
        IOException e = assertThrows(IOException.class, () -> ChangedLines.since(dir, "main"));
        assertTrue(e.getMessage().contains("git rev-parse failed"), e.getMessage());
    }

    private static Finding finding(String file, int line) {
        return new Finding("DL101", "n", Severity.ERROR, "m", new Location(file, line, 1), "f", "s", List.of());
    }
}
