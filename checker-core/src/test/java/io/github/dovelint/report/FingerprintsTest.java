package io.github.dovelint.report;

import static io.github.dovelint.report.ReportFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static Finding finding(int line, String function, String snippet) {
        return new Finding("DL101", "hook-may-sleep", Severity.ERROR, "m", at("a.c", line, 3), function, snippet,
                List.of());
    }

    @Test
    void isThirtyTwoHexDigits() {
        assertTrue(Fingerprints.key(finding(1, "f", "x();")).matches("[0-9a-f]{32}"));
    }

    @Test
    void survivesMovingTheFindingToAnotherLine() {
        assertEquals(Fingerprints.key(finding(10, "f", "kmalloc(n, GFP_KERNEL);")),
                Fingerprints.key(finding(25, "f", "kmalloc(n, GFP_KERNEL);")));
    }

    @Test
    void ignoresWhitespaceChangesInTheSnippet() {
        assertEquals(Fingerprints.key(finding(10, "f", "kmalloc(n,GFP_KERNEL) ;")),
                Fingerprints.key(finding(10, "f", "  kmalloc(n,GFP_KERNEL)\t ;  ")));
        assertEquals("a b c", Fingerprints.normaliseSnippet(" a \t b\n  c "));
    }

    @Test
    void changesWithTheSnippetFunctionRuleOrFile() {
        String base = Fingerprints.key(finding(10, "f", "kmalloc(n, GFP_KERNEL);"));
        assertNotEquals(base, Fingerprints.key(finding(10, "f", "kmalloc(n, GFP_ATOMIC);")));
        assertNotEquals(base, Fingerprints.key(finding(10, "g", "kmalloc(n, GFP_KERNEL);")));
        Finding otherRule = new Finding("DL102", "x", Severity.ERROR, "m", at("a.c", 10, 3), "f",
                "kmalloc(n, GFP_KERNEL);", List.of());
        assertNotEquals(base, Fingerprints.key(otherRule));
        Finding otherFile = new Finding("DL101", "x", Severity.ERROR, "m", at("b.c", 10, 3), "f",
                "kmalloc(n, GFP_KERNEL);", List.of());
        assertNotEquals(base, Fingerprints.key(otherFile));
    }

    @Test
    void fieldBoundariesCannotBeConfused() {
        assertNotEquals(Fingerprints.key(finding(1, "ab", "c")), Fingerprints.key(finding(1, "a", "bc")));
    }

    @Test
    void duplicatesGetOccurrenceSuffixesInSortedOrder() {
        Finding first = finding(10, "f", "mutex_lock(&l);");
        Finding second = finding(20, "f", "mutex_lock(&l);");
        Finding other = finding(15, "f", "other();");
        String key = Fingerprints.key(first);
        assertEquals(List.of(key, Fingerprints.key(other), key + ":2"),
                Fingerprints.of(List.of(first, other, second)));
        assertEquals(List.of(key + ":2", key, Fingerprints.key(other)),
                Fingerprints.of(List.of(second, first, other)), "suffixes follow sorted order, not list order");
    }

    @Test
    void sampleFingerprintsAreDistinct() {
        List<String> prints = Fingerprints.of(ReportFixtures.sample());
        assertEquals(3, prints.stream().distinct().count());
    }
}
