package io.github.dovelint.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
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

    @Test
    void aQuotedTextMustOccurInTheMessage() throws Exception {
        Expectations e = Expectations.of(java.util.Map.of("a.c",
                "x(); /* expect: DL101 \"may sleep\", DL104 */\ny(); // expect: DL102 \"file_lock\"\n"));
        assertEquals(3, e.count());
        Finding sleeps = new Finding("DL101", "x", Severity.ERROR, "kmalloc() may sleep here",
                new Location("a.c", 1, 1), "f", "", List.of());
        Finding other = new Finding("DL102", "x", Severity.ERROR, "takes the wrong lock",
                new Location("a.c", 2, 1), "f", "", List.of());
        assertEquals(List.of("a.c:2: expected DL102 containing \"file_lock\" but dovelint reported nothing for it",
                        "a.c:2: unexpected DL102: takes the wrong lock"),
                e.compare(List.of(sleeps, finding("a.c", 1, "DL104"), other)));
    }

    @Test
    void onlyKeepsAPrefixAndSomeRules() throws Exception {
        Expectations e = Expectations.of(java.util.Map.of("s/a.c", "x(); // expect: DL101, DL104\n",
                "t/b.c", "y(); // expect: DL101\n"));
        assertEquals(1, e.only("s/", "DL104"::equals).count());
        assertEquals(List.of(), e.only("s/", "DL104"::equals).compare(List.of(finding("s/a.c", 1, "DL104"))));
    }
}
