package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode sampleDocument() throws Exception {
        return MAPPER.readTree(new JsonReport().render(ReportFixtures.sample()));
    }

    @Test
    void topLevelKeysComeInTheDocumentedOrder() throws Exception {
        List<String> keys = new ArrayList<>();
        sampleDocument().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("reportVersion", "tool", "findings", "problems", "files", "lines", "summary",
                "configDigest", "complete", "notAnalysed"), keys);
    }

    @Test
    void describesToolCountsAndSummary() throws Exception {
        JsonNode doc = sampleDocument();
        assertEquals(1, doc.path("reportVersion").asInt());
        assertEquals("dovelint", doc.path("tool").path("name").asText());
        assertEquals("1.2.3", doc.path("tool").path("version").asText());
        assertEquals(3, doc.path("files").asInt());
        assertEquals(345, doc.path("lines").asLong());
        assertEquals(1, doc.path("summary").path("errors").asInt());
        assertEquals(1, doc.path("summary").path("warnings").asInt());
        assertEquals(1, doc.path("summary").path("notes").asInt());
    }

    @Test
    void findingsCarryEveryField() throws Exception {
        JsonNode findings = sampleDocument().path("findings");
        assertEquals(3, findings.size());
        JsonNode first = findings.get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("ruleId", "ruleName", "severity", "message", "location", "function", "snippet",
                "fingerprint", "chains"), keys);
        assertEquals("DL101", first.path("ruleId").asText());
        assertEquals("hook-may-sleep", first.path("ruleName").asText());
        assertEquals("error", first.path("severity").asText());
        assertEquals(ReportFixtures.sleepFinding().message(), first.path("message").asText());
        assertEquals(ReportFixtures.CORE, first.path("location").path("file").asText());
        assertEquals(12, first.path("location").path("line").asInt());
        assertEquals(9, first.path("location").path("column").asInt());
        assertEquals("evl_add_entry", first.path("function").asText());
        assertEquals("p = kmalloc(sizeof(*p),   GFP_KERNEL);", first.path("snippet").asText());
        assertEquals(Fingerprints.of(ReportFixtures.sample()).get(0), first.path("fingerprint").asText());

        JsonNode chain = first.path("chains").get(0);
        assertEquals("install_inband_fd", chain.path("entry").asText());
        assertEquals(3, chain.path("steps").size());
        JsonNode step = chain.path("steps").get(1);
        assertEquals(ReportFixtures.CORE, step.path("file").asText());
        assertEquals(42, step.path("line").asInt());
        assertEquals(3, step.path("column").asInt());
        assertEquals("install_inband_fd() calls evl_add_entry()", step.path("description").asText());

        assertEquals(2, findings.get(1).path("chains").size());
        assertEquals("warning", findings.get(1).path("severity").asText());
        JsonNode third = findings.get(2);
        assertEquals("note", third.path("severity").asText());
        assertEquals(0, third.path("location").path("column").asInt());
        assertEquals(0, third.path("chains").size());
    }

    @Test
    void problemsAreListedWithKindAndLocation() throws Exception {
        JsonNode problems = sampleDocument().path("problems");
        assertEquals(1, problems.size());
        assertEquals("parse", problems.get(0).path("kind").asText());
        assertEquals("samples/broken.c", problems.get(0).path("location").path("file").asText());
        assertEquals(3, problems.get(0).path("location").path("line").asInt());
        assertEquals("expected ';' before '}' token", problems.get(0).path("message").asText());
    }

    @Test
    void emptyResultHasEmptyArrays() throws Exception {
        String text = new JsonReport().render(ReportFixtures.empty());
        JsonNode doc = MAPPER.readTree(text);
        assertEquals(0, doc.path("findings").size());
        assertEquals(0, doc.path("problems").size());
        assertEquals(true, text.contains("\"findings\": [],"), text);
    }
}
