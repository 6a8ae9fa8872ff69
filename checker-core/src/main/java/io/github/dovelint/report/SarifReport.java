package io.github.dovelint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.IdleRules;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.RuleDescriptor;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure
 * DevOps) and SARIF viewers import. One run:
 *
 * <ul>
 * <li>{@code tool.driver}: name, version and one reporting descriptor per rule
 *     that ran (id, name, summary, the page's first paragraph as full
 *     description, the page as help text and markdown, the page's
 *     {@link RuleLinks published copy} as {@code helpUri}, the effective
 *     severity as default level);
 * <li>{@code automationDetails.id}: the code-scanning category, only when one is given
 *     ({@code --sarif-category}); without it, the uploader's own category applies;
 * <li>{@code results}: one per finding, with {@code ruleIndex}, the primary
 *     location relative to {@code %SRCROOT%}, the snippet, the finding's
 *     {@link Fingerprints fingerprint} under {@value Fingerprints#SARIF_KEY},
 *     the function as logical location, and one {@code codeFlow} per call
 *     chain (a chain without steps is left out: SARIF needs at least one);
 * <li>{@code invocations[0].toolExecutionNotifications}: the input problems,
 *     as warnings (errors for files that could not be analysed): they are not
 *     results, no rule produced them;
 * <li>{@code invocations[0].executionSuccessful}: false when some file could
 *     not be analysed ({@link AnalysisResult#complete()}), and
 *     {@code invocations[0].properties}: {@code configDigest}, {@code complete}
 *     and {@code notAnalysed} (the files).
 * </ul>
 *
 * {@code %SRCROOT%} is declared without a URI: the root is machine-specific
 * and reports must not contain absolute paths; consumers resolve it to their
 * checkout. Columns count UTF-16 code units, as Java strings do.
 */
public final class SarifReport implements ReportWriter {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SARIF_VERSION = "2.1.0";
    /** The base id every artifact location is relative to. */
    public static final String SRCROOT = "%SRCROOT%";
    /**
     * {@code run.automationDetails.id}: the category GitHub code scanning files the alerts
     * under (the part before the last {@code /}), so that uploads from several jobs do not
     * close each other's alerts; null for none, so that the upload's {@code category} applies
     * (a category in the file would override it).
     */
    private final String category;

    /** A report with no category of its own. */
    public SarifReport() {
        this(null);
    }

    /** A report filed under {@code category} ({@code kernel} gives the id {@code kernel/}); null for none. */
    public SarifReport(String category) {
        this.category = category == null || category.isBlank() ? null
                : category.endsWith("/") ? category : category + "/";
    }

    @Override
    public String formatName() {
        return "sarif";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        JsonOutput.write(log(result, category), out);
    }

    private static ObjectNode log(AnalysisResult result, String category) {
        ObjectNode log = JsonOutput.object();
        log.put("$schema", SCHEMA);
        log.put("version", SARIF_VERSION);
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dovelint");
        driver.put("version", result.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescriptor rule : result.rules()) {
            if (ruleIndex.putIfAbsent(rule.id(), rules.size()) == null) {
                rules.add(rule(rule));
            }
        }

        if (category != null) {
            run.putObject("automationDetails").put("id", category);
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        // false when a file could not be analysed: a gate must not trust an empty result list then
        invocation.put("executionSuccessful", result.complete());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (Problem problem : result.problems()) {
            notifications.add(notification(problem, result.notAnalysed().contains(problem.location().file())));
        }
        for (IdleRules group : result.idle()) {
            // a note, not a warning: the run is complete, it only had nothing to look at for these rules
            notifications.addObject().put("level", "note").putObject("message").put("text", "nothing to check for " + group.describe());
        }
        ObjectNode properties = invocation.putObject("properties");
        properties.put("configDigest", result.configDigest());
        properties.put("complete", result.complete());
        ArrayNode notAnalysed = properties.putArray("notAnalysed");
        result.notAnalysed().forEach(notAnalysed::add);
        if (!result.outOfReach().isEmpty()) {
            ArrayNode outOfReach = properties.putArray("outOfReach");
            result.outOfReach().forEach(outOfReach::add);
        }

        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The root of the checked source tree; every path is relative to it.");

        ArrayNode results = run.putArray("results");
        List<String> fingerprints = Fingerprints.of(result);
        for (int i = 0; i < result.findings().size(); i++) {
            Finding finding = result.findings().get(i);
            results.add(result(finding, ruleIndex.get(finding.ruleId()), fingerprints.get(i)));
        }
        run.put("columnKind", "utf16CodeUnits");
        return log;
    }

    private static ObjectNode rule(RuleDescriptor rule) {
        ObjectNode node = JsonOutput.object();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.putObject("shortDescription").put("text", rule.summary());
        String full = rule.fullDescription();
        node.putObject("fullDescription").put("text", full.isEmpty() ? rule.summary() : full);
        node.put("helpUri", RuleLinks.page(rule.id()));
        if (!rule.page().isBlank()) {
            ObjectNode help = node.putObject("help");
            help.put("text", rule.page());
            help.put("markdown", rule.page());
        }
        node.putObject("defaultConfiguration").put("level", rule.defaultSeverity().label());
        return node;
    }

    private static ObjectNode result(Finding finding, Integer ruleIndex, String fingerprint) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", finding.ruleId());
        if (ruleIndex != null) {
            node.put("ruleIndex", ruleIndex.intValue());
        }
        node.put("level", finding.severity().label());
        node.putObject("message").put("text", finding.message());
        ObjectNode location = node.putArray("locations").addObject();
        ObjectNode physical = physicalLocation(finding.location());
        if (!finding.snippet().isEmpty() && physical.has("region")) {
            ((ObjectNode) physical.get("region")).putObject("snippet").put("text", finding.snippet());
        }
        location.set("physicalLocation", physical);
        if (!finding.function().isEmpty()) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", finding.function());
            logical.put("kind", "function");
        }
        node.putObject("partialFingerprints").put(Fingerprints.SARIF_KEY, fingerprint);
        ArrayNode codeFlows = JsonOutput.object().arrayNode();
        for (CallChain chain : finding.chains()) {
            if (!chain.steps().isEmpty()) {
                codeFlows.add(codeFlow(chain));
            }
        }
        if (!codeFlows.isEmpty()) {
            node.set("codeFlows", codeFlows);
        }
        return node;
    }

    private static ObjectNode codeFlow(CallChain chain) {
        ObjectNode flow = JsonOutput.object();
        if (chain.entry() != null && !chain.entry().isBlank()) {
            flow.putObject("message").put("text", "via " + chain.entry() + (chain.entry().endsWith(")") ? "" : "()"));
        }
        ArrayNode locations = flow.putArray("threadFlows").addObject().putArray("locations");
        for (ChainStep step : chain.steps()) {
            ObjectNode location = locations.addObject().putObject("location");
            location.set("physicalLocation", physicalLocation(step.location()));
            location.putObject("message").put("text", step.description() == null ? "" : step.description());
        }
        return flow;
    }

    private static ObjectNode notification(Problem problem, boolean fileNotAnalysed) {
        ObjectNode node = JsonOutput.object();
        node.put("level", fileNotAnalysed || problem.kind() == Problem.Kind.INTERNAL ? "error" : "warning");
        node.putObject("message").put("text", problem.kind().label() + " problem: " + problem.message());
        if (!problem.location().file().isEmpty()) {
            node.putArray("locations").addObject()
                    .set("physicalLocation", physicalLocation(problem.location()));
        }
        return node;
    }

    /** artifactLocation relative to {@code %SRCROOT%}, plus a region when the line is known. */
    private static ObjectNode physicalLocation(Location where) {
        ObjectNode physical = JsonOutput.object();
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", SarifUris.relative(where.file()));
        artifact.put("uriBaseId", SRCROOT);
        if (where.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", where.line());
            if (where.column() > 0) {
                region.put("startColumn", where.column());
            }
        }
        return physical;
    }
}
