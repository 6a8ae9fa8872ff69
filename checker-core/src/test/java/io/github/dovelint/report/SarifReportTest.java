package io.github.dovelint.report;

import static io.github.dovelint.report.ReportFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dovelint.files.AtomicFiles;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode sarif(AnalysisResult result) throws Exception {
        return MAPPER.readTree(new SarifReport().render(result));
    }

    private static JsonNode sampleRun() throws Exception {
        JsonNode log = sarif(ReportFixtures.sample());
        assertEquals(1, log.path("runs").size());
        return log.path("runs").get(0);
    }

    @Test
    void declaresSchemaAndVersion() throws Exception {
        JsonNode log = sarif(ReportFixtures.sample());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.path("$schema").asText());
        assertEquals("2.1.0", log.path("version").asText());
    }

    @Test
    void driverListsEveryRuleWithItsPage() throws Exception {
        JsonNode driver = sampleRun().path("tool").path("driver");
        assertEquals("dovelint", driver.path("name").asText());
        assertEquals("1.2.3", driver.path("version").asText());
        assertFalse(driver.has("informationUri"));
        JsonNode rules = driver.path("rules");
        assertEquals(2, rules.size());
        JsonNode dl101 = rules.get(0);
        assertEquals("DL101", dl101.path("id").asText());
        assertEquals("hook-may-sleep", dl101.path("name").asText());
        assertEquals(ReportFixtures.DL101.summary(), dl101.path("shortDescription").path("text").asText());
        assertEquals(ReportFixtures.DL101.fullDescription(), dl101.path("fullDescription").path("text").asText());
        assertEquals(ReportFixtures.DL101.page(), dl101.path("help").path("text").asText());
        assertEquals(ReportFixtures.DL101.page(), dl101.path("help").path("markdown").asText());
        assertEquals("error", dl101.path("defaultConfiguration").path("level").asText());
        assertEquals("note", rules.get(1).path("defaultConfiguration").path("level").asText());
    }

    @Test
    void resultsPointAtTheirRulesWithLevelsAndLocations() throws Exception {
        JsonNode run = sampleRun();
        JsonNode rules = run.path("tool").path("driver").path("rules");
        JsonNode results = run.path("results");
        assertEquals(3, results.size());
        List<String> levels = List.of("error", "warning", "note");
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            assertEquals(result.path("ruleId").asText(),
                    rules.get(result.path("ruleIndex").asInt()).path("id").asText());
            assertEquals(levels.get(i), result.path("level").asText());
            assertTrue(result.path("partialFingerprints").path(Fingerprints.SARIF_KEY).isTextual());
        }
        JsonNode physical = results.get(0).path("locations").get(0).path("physicalLocation");
        assertEquals(ReportFixtures.CORE, physical.path("artifactLocation").path("uri").asText());
        assertEquals("%SRCROOT%", physical.path("artifactLocation").path("uriBaseId").asText());
        assertEquals(12, physical.path("region").path("startLine").asInt());
        assertEquals(9, physical.path("region").path("startColumn").asInt());
        assertEquals("p = kmalloc(sizeof(*p),   GFP_KERNEL);",
                physical.path("region").path("snippet").path("text").asText());
        assertEquals("evl_add_entry",
                results.get(0).path("locations").get(0).path("logicalLocations").get(0).path("name").asText());
        assertEquals(Fingerprints.of(ReportFixtures.sample()).get(0),
                results.get(0).path("partialFingerprints").path("dovelint/v1").asText());

        JsonNode noColumn = results.get(2).path("locations").get(0).path("physicalLocation").path("region");
        assertEquals(7, noColumn.path("startLine").asInt());
        assertFalse(noColumn.has("startColumn"));
        assertFalse(noColumn.has("snippet"));
    }

    @Test
    void callChainsBecomeCodeFlows() throws Exception {
        JsonNode results = sampleRun().path("results");
        assertEquals(1, results.get(0).path("codeFlows").size());
        assertEquals(2, results.get(1).path("codeFlows").size());
        assertFalse(results.get(2).has("codeFlows"));

        JsonNode flow = results.get(0).path("codeFlows").get(0);
        assertEquals(1, flow.path("threadFlows").size());
        JsonNode locations = flow.path("threadFlows").get(0).path("locations");
        assertEquals(3, locations.size());
        JsonNode second = locations.get(1).path("location");
        assertEquals(42, second.path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("install_inband_fd() calls evl_add_entry()", second.path("message").path("text").asText());
    }

    @Test
    void problemsBecomeToolNotifications() throws Exception {
        JsonNode invocations = sampleRun().path("invocations");
        assertEquals(1, invocations.size());
        assertTrue(invocations.get(0).path("executionSuccessful").asBoolean());
        JsonNode notifications = invocations.get(0).path("toolExecutionNotifications");
        assertEquals(1, notifications.size());
        assertEquals("warning", notifications.get(0).path("level").asText());
        assertEquals("parse problem: expected ';' before '}' token",
                notifications.get(0).path("message").path("text").asText());
        assertEquals("samples/broken.c", notifications.get(0).path("locations").get(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asText());
    }

    @Test
    void uriBaseIsDeclaredWithoutAnAbsolutePath() throws Exception {
        JsonNode base = sampleRun().path("originalUriBaseIds").path("%SRCROOT%");
        assertTrue(base.isObject());
        assertFalse(base.has("uri"));
    }

    @Test
    void pathsAreEncodedAsUriReferences() throws Exception {
        Finding odd = new Finding("DL1", "r", Severity.ERROR, "m", at("my dir/a:b%é.c", 1, 1), "", "", List.of());
        AnalysisResult result = new AnalysisResult("1", List.of(odd), List.of(), List.of(), List.of(), 1);
        JsonNode location = sarif(result).path("runs").get(0).path("results").get(0).path("locations").get(0);
        assertEquals("my%20dir/a%3Ab%25%C3%A9.c",
                location.path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertFalse(sarif(result).path("runs").get(0).path("results").get(0).has("ruleIndex"),
                "a finding of an unlisted rule has no ruleIndex");
    }

    @Test
    void writesAWholeReportAtomically(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("dovelint.sarif");
        SarifReport sarif = new SarifReport();
        AtomicFiles.write(target, out -> sarif.write(ReportFixtures.sample(), out));
        assertEquals(sarif.render(ReportFixtures.sample()), Files.readString(target));
    }
}
