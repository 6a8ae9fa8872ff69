package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dovelint.model.AnalysisResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every report records the tool version, the configuration digest and the
 * files that could not be analysed, so that a gate can refuse an incomplete run.
 */
class ReportMetadataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AnalysisResult incomplete = ReportFixtures.incomplete();
    private final AnalysisResult complete = ReportFixtures.sample();

    @Test
    void jsonSaysWhetherTheRunIsComplete() throws Exception {
        JsonNode doc = MAPPER.readTree(new JsonReport().render(incomplete));
        assertEquals("1.2.3", doc.path("tool").path("version").asText());
        assertEquals(ReportFixtures.DIGEST, doc.path("configDigest").asText());
        assertFalse(doc.path("complete").asBoolean(true));
        assertEquals(List.of("bin/blob.c", "gen/huge.c"),
                List.of(doc.path("notAnalysed").get(0).asText(), doc.path("notAnalysed").get(1).asText()));
        JsonNode ok = MAPPER.readTree(new JsonReport().render(complete));
        assertTrue(ok.path("complete").asBoolean(false), "parse problems alone leave a run complete");
        assertEquals(0, ok.path("notAnalysed").size());
    }

    @Test
    void sarifExecutionIsNotSuccessfulWhenFilesWereNotAnalysed() throws Exception {
        JsonNode inv = MAPPER.readTree(new SarifReport().render(incomplete)).path("runs").get(0)
                .path("invocations").get(0);
        assertFalse(inv.path("executionSuccessful").asBoolean(true));
        assertEquals(ReportFixtures.DIGEST, inv.path("properties").path("configDigest").asText());
        assertEquals(2, inv.path("properties").path("notAnalysed").size());
        long errors = 0;
        for (JsonNode n : inv.path("toolExecutionNotifications")) {
            if (n.path("level").asText().equals("error")) {
                errors++;
            }
        }
        assertEquals(2, errors, "one error notification per file not analysed");
        JsonNode okInv = MAPPER.readTree(new SarifReport().render(complete)).path("runs").get(0)
                .path("invocations").get(0);
        assertTrue(okInv.path("executionSuccessful").asBoolean(false));
    }

    @Test
    void checkstyleGitlabHtmlAndTextNameTheFilesNotAnalysed() throws Exception {
        String checkstyle = new CheckstyleReport().render(incomplete);
        assertTrue(checkstyle.contains("<!-- dovelint 1.2.3; config " + ReportFixtures.DIGEST
                + "; INCOMPLETE, not analysed: bin/blob.c gen/huge.c -->"), checkstyle);
        assertTrue(checkstyle.contains("severity=\"error\" message=\"input problem: binary file"), checkstyle);
        JsonNode gitlab = MAPPER.readTree(new GitLabReport().render(incomplete));
        long blockers = 0;
        for (JsonNode issue : gitlab) {
            if (issue.path("check_name").asText().equals(GitLabReport.NOT_ANALYSED)) {
                blockers++;
                assertEquals("blocker", issue.path("severity").asText());
            }
        }
        assertEquals(2, blockers);
        String html = new HtmlReport().render(incomplete);
        assertTrue(html.contains("Incomplete run:"), html);
        assertTrue(html.contains("<code>gen/huge.c</code>"), html);
        assertTrue(html.contains(ReportFixtures.DIGEST), html);
        assertTrue(TextReport.summary(incomplete).endsWith("2 files not analysed)"), TextReport.summary(incomplete));
    }

    @Test
    void anIncompleteSarifReportIsStillValidSarif() throws Exception {
        var errors = SarifSchemaTest.validate(incomplete);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void xmlCommentsCannotBeClosedByTheirContent() {
        assertFalse(CheckstyleReport.comment("a -- b --> c-").contains("--"));
    }
}
