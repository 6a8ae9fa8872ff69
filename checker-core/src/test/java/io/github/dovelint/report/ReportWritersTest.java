package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    @Test
    void listsTheFormatsDefaultFirst() {
        assertEquals(List.of("text", "json", "sarif", "checkstyle", "gitlab", "github", "html"), ReportWriters.names());
    }

    @Test
    void findsFormatsByName() {
        assertInstanceOf(TextReport.class, ReportWriters.byName("text"));
        assertInstanceOf(JsonReport.class, ReportWriters.byName("json"));
        assertInstanceOf(SarifReport.class, ReportWriters.byName("SARIF"));
        assertTrue(ReportWriters.find("xml").isEmpty());
        assertTrue(ReportWriters.find(null).isEmpty());
    }

    @Test
    void unknownFormatNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportWriters.byName("xml"));
        assertEquals("unknown report format 'xml' (expected one of: text, json, sarif, checkstyle, gitlab, github, html)", e.getMessage());
    }
}
