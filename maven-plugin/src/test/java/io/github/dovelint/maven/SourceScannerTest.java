package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    private static boolean matches(String pattern, String path) {
        return SourceScanner.compile(pattern).matcher(path).matches();
    }

    @Test
    void antPatterns() {
        assertTrue(matches("**/*.c", "a.c"));
        assertTrue(matches("**/*.c", "x/y/a.c"));
        assertFalse(matches("**/*.c", "a.h"));
        assertFalse(matches("*.c", "x/a.c"));
        assertTrue(matches("target/", "target/x/a.c"));
        assertTrue(matches("target/**", "target/a.c"));
        assertFalse(matches("target/**", "src/target.c"));
        assertTrue(matches("**/gen/**", "a/gen/b/c.c"));
        assertTrue(matches("src/?.c", "src/a.c"));
        assertTrue(matches("a+b/(x).c", "a+b/(x).c"));
    }

    @Test
    void scansWithIncludesAndExcludes(@TempDir Path dir) throws Exception {
        for (String f : List.of("a.c", "b.h", "c.txt", "sub/d.c", "target/e.c", "gen/f.c", ".git/g.c")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<String> found = SourceScanner.scan(dir, List.of("**/*.c", "**/*.h"), List.of("target/**", "gen/"))
                .stream().map(p -> SourceScanner.relative(dir, p)).toList();
        assertEquals(List.of("a.c", "b.h", "sub/d.c"), found);
        assertEquals(List.of(), SourceScanner.scan(dir.resolve("missing"), List.of("**/*.c"), List.of()));
    }
}
