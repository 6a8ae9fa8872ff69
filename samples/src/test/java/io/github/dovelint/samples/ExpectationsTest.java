package io.github.dovelint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.Finding;
import io.github.dovelint.Location;
import io.github.dovelint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples harness itself must be able to fail: missing, extra and duplicated findings. */
class ExpectationsTest {

    @TempDir
    Path dir;

    private static Finding finding(String file, int line, String rule) {
        return new Finding(rule, "x", Severity.ERROR, "msg", new Location(file, line, 1), "f", "", List.of());
    }

    @Test
    void reportsMissingExtraAndMatchingFindings() throws Exception {
        Files.createDirectories(dir.resolve("s"));
        Files.writeString(dir.resolve("s/a.c"), "x(); /* expect: DL101 */\ny(); // expect: DL101, DL104\nz();\n");
        Expectations e = Expectations.read(dir);
        assertEquals(3, e.count());
        assertEquals(List.of(), e.compare(List.of(finding("s/a.c", 1, "DL101"), finding("s/a.c", 2, "DL104"),
                finding("s/a.c", 2, "DL101"))));
        assertEquals(List.of("s/a.c:2: expected DL104 but dovelint reported nothing for it",
                        "s/a.c:3: unexpected DL101: msg"),
                e.compare(List.of(finding("s/a.c", 1, "DL101"), finding("s/a.c", 2, "DL101"),
                        finding("s/a.c", 3, "DL101"))));
    }

    @Test
    void aDuplicatedFindingOnAMarkedLineIsExtra() throws Exception {
        Files.writeString(dir.resolve("a.c"), "x(); /* expect: DL101 */\n");
        Expectations e = Expectations.read(dir);
        assertEquals(List.of("a.c:1: unexpected DL101: msg"),
                e.compare(List.of(finding("a.c", 1, "DL101"), finding("a.c", 1, "DL101"))));
    }
}
