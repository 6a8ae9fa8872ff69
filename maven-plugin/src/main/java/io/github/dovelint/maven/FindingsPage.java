package io.github.dovelint.maven;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.IdleRules;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.model.Severity;
import io.github.dovelint.report.RuleLinks;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.util.DoxiaUtils;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

/**
 * The page of {@code dovelint:report}, written to any Doxia sink (the site's, or a plain
 * XHTML page): what was checked and what was found, the rules that fired (each linked to its
 * page), the files, then each file's findings with line, rule, message and call chain, and the
 * input problems. Laid out like checkstyle's report; nothing in it depends on the clock, so
 * two builds of the same sources give the same page.
 */
final class FindingsPage extends AbstractMavenReportRenderer {

    static final String TITLE = "dovelint";

    private final AnalysisResult result;
    private final Map<String, List<Finding>> byFile;

    FindingsPage(Sink sink, AnalysisResult result) {
        super(sink);
        this.result = result;
        this.byFile = result.findings().stream()
                .collect(Collectors.groupingBy(f -> f.location().file(), TreeMap::new, Collectors.toList()));
    }

    @Override
    public String getTitle() {
        return TITLE;
    }

    @Override
    protected void renderBody() {
        startSection("dovelint results", "dovelint");
        paragraph("Contract violations found by dovelint " + result.toolVersion()
                + " in this module's C sources: the calls an EVL core's hooks and handlers must not make"
                + " in the context they run in, with the call chain that shows how each one is reached.");
        if (!result.complete()) {
            paragraph("The run is incomplete: " + (result.notAnalysed().isEmpty() ? "see the input problems below"
                    : "not analysed: " + String.join(", ", result.notAnalysed())) + ".");
        }
        if (!result.idle().isEmpty()) {
            paragraph("Nothing to check for " + String.join("; ", result.idle().stream().map(IdleRules::describe).toList())
                    + ".");
        }
        summary();
        if (!result.hasFindings()) {
            paragraph("No findings.");
        } else {
            rules();
            files();
            details();
        }
        if (!result.problems().isEmpty()) {
            problems();
        }
        endSection();
    }

    private void summary() {
        startSection("Summary");
        startTable();
        tableHeader(new String[] {"Files", "Errors", "Warnings", "Notes", "Input problems"});
        sink.tableRow();
        cell(String.valueOf(result.files().size()));
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
            cell(String.valueOf(result.count(s)));
        }
        cell(String.valueOf(result.problems().size()));
        sink.tableRow_();
        endTable();
        endSection();
    }

    private void rules() {
        startSection("Rules");
        startTable();
        tableHeader(new String[] {"Rule", "Name", "Summary", "Findings"});
        Map<String, Long> counts = result.findings().stream()
                .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
        Map<String, RuleDescriptor> rules = result.rules().stream()
                .collect(Collectors.toMap(RuleDescriptor::id, r -> r, (a, b) -> a));
        counts.forEach((id, n) -> {
            RuleDescriptor rule = rules.get(id);
            sink.tableRow();
            ruleCell(id);
            cell(rule == null ? "" : rule.name());
            cell(rule == null ? "" : rule.summary());
            cell(String.valueOf(n));
            sink.tableRow_();
        });
        endTable();
        endSection();
    }

    private void files() {
        startSection("Files");
        startTable();
        tableHeader(new String[] {"File", "Errors", "Warnings", "Notes"});
        byFile.forEach((file, findings) -> {
            sink.tableRow();
            sink.tableCell();
            link("#" + anchor(file), file);
            sink.tableCell_();
            for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
                cell(String.valueOf(findings.stream().filter(f -> f.severity() == s).count()));
            }
            sink.tableRow_();
        });
        endTable();
        endSection();
    }

    private void details() {
        startSection("Details");
        byFile.forEach((file, findings) -> {
            startSection(file, anchor(file));
            startTable();
            tableHeader(new String[] {"Severity", "Rule", "Message", "Line"});
            for (Finding f : findings) {
                sink.tableRow();
                cell(f.severity().label());
                ruleCell(f.ruleId());
                sink.tableCell();
                text(f.message());
                chains(f.chains());
                sink.tableCell_();
                cell(String.valueOf(f.location().line()));
                sink.tableRow_();
            }
            endTable();
            endSection();
        });
        endSection();
    }

    /** Each chain as a numbered list of its steps, under the entry point's name when there are several. */
    private void chains(List<CallChain> chains) {
        for (CallChain chain : chains) {
            if (chains.size() > 1) {
                sink.paragraph();
                text("via " + chain.entry());
                sink.paragraph_();
            }
            sink.numberedList(Sink.NUMBERING_DECIMAL);
            for (ChainStep step : chain.steps()) {
                sink.numberedListItem();
                sink.monospaced();
                text(step.location().toString());
                sink.monospaced_();
                sink.text(": " + step.description());
                sink.numberedListItem_();
            }
            sink.numberedList_();
        }
    }

    private void problems() {
        startSection("Input problems");
        startTable();
        tableHeader(new String[] {"File", "Line", "Kind", "Message"});
        for (Problem p : result.problems()) {
            sink.tableRow();
            cell(p.location().file());
            cell(p.location().line() > 0 ? String.valueOf(p.location().line()) : "");
            cell(p.kind().label());
            cell(p.message());
            sink.tableRow_();
        }
        endTable();
        endSection();
    }

    private void ruleCell(String id) {
        sink.tableCell();
        link(RuleLinks.page(id), id);
        sink.tableCell_();
    }

    /** A cell of plain text: unlike {@code tableCell}, braces in C are not taken for link patterns. */
    private void cell(String text) {
        sink.tableCell();
        text(text);
        sink.tableCell_();
    }

    static String anchor(String file) {
        return DoxiaUtils.encodeId("file-" + file);
    }
}
