package io.github.dovelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.IdleRules;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.model.Severity;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report page as the standalone goal writes it: summary, rules, files, details with chains, problems. */
class FindingsPageTest {

    private static final Finding SLEEP = new Finding("DL101", "hook-may-sleep", Severity.ERROR,
            "mutex_lock() may sleep", new Location("kernel/evl/hooks.c", 11, 2), "install_inband_fd",
            "mutex_lock(&evl_lock);", List.of(new CallChain("install_inband_fd", List.of(
                    new ChainStep(new Location("kernel/evl/hooks.c", 7, 6), "install_inband_fd() is the entry point"),
                    new ChainStep(new Location("kernel/evl/hooks.c", 11, 2), "calls mutex_lock(), which may sleep")))));
    private static final Finding FILES = new Finding("DL104", "hook-current-files", Severity.WARNING,
            "fget() uses current->files {implicitly}", new Location("kernel/evl/a.c", 19, 19), "f", "", List.of());
    private static final AnalysisResult RESULT = new AnalysisResult("9.9.9", List.of(FILES, SLEEP),
            List.of(new Problem(Problem.Kind.PARSE, new Location("kernel/evl/a.c", 3, 1), "unexpected token")),
            List.of(new RuleDescriptor("DL101", "hook-may-sleep", Severity.ERROR, "A hook may not sleep.", ""),
                    new RuleDescriptor("DL104", "hook-current-files", Severity.ERROR, "No current->files.", "")),
            List.of("kernel/evl/a.c", "kernel/evl/hooks.c"), 40, List.of(), "", List.of(),
            List.of(new IdleRules("fd-table read", List.of("DL301"))));

    @Test
    void summaryRulesFilesAndDetails() {
        String html = render(RESULT);
        assertTrue(html.startsWith("<!DOCTYPE html"), html);
        assertTrue(html.contains("<title>dovelint</title>"), html);
        assertTrue(html.contains("dovelint 9.9.9"), html);
        assertTrue(html.contains("Nothing to check for DL301 (no fd-table read)."), html);
        // summary: 2 files, 1 error, 1 warning, 0 notes, 1 problem
        assertTrue(squeeze(html).contains("<tr><td>2</td><td>1</td><td>1</td><td>0</td><td>1</td></tr>"), html);
        // the rules that fired, each linked to its page, with its count
        assertTrue(html.contains("href=\"https://github.com/dovelint/dovelint/blob/main/rules/src/main/resources/"
                + "io/github/dovelint/rules/pages/DL101.md\">DL101</a>"), html);
        assertTrue(squeeze(html).contains("<td>hook-current-files</td><td>No current-&gt;files.</td><td>1</td>"), html);
        // the files, sorted, linked to their sections
        String anchor = FindingsPage.anchor("kernel/evl/hooks.c");
        assertTrue(html.contains("<a href=\"#" + anchor + "\">kernel/evl/hooks.c</a>"), html);
        assertTrue(html.contains("id=\"" + anchor + "\""), html);
        assertTrue(html.indexOf(">kernel/evl/a.c</a>") < html.indexOf(">kernel/evl/hooks.c</a>"), html);
        // a finding: severity, rule, message with its chain in order, line
        assertTrue(html.contains("fget() uses current-&gt;files {implicitly}"), "braces are text, not link patterns");
        int entry = html.indexOf("install_inband_fd() is the entry point");
        int call = html.indexOf("calls mutex_lock(), which may sleep");
        assertTrue(entry > 0 && call > entry, html);
        assertTrue(html.contains("<ol style=\"list-style-type: decimal;\">")
                || html.contains("<ol style=\"list-style-type: decimal\">"), html);
        assertTrue(squeeze(html).contains("</ol></td><td>11</td>"), html);
        assertTrue(html.contains("<code>kernel/evl/hooks.c:7:6</code>: install_inband_fd() is the entry point"), html);
        // the input problems
        assertTrue(squeeze(html).contains("<td>kernel/evl/a.c</td><td>3</td><td>parse</td><td>unexpected token</td>"),
                html);
    }

    @Test
    void aCleanRunHasTheSummaryOnly() {
        String html = render(new AnalysisResult("9.9.9", List.of(), List.of(), List.of(), List.of("a.c"), 3));
        assertTrue(html.contains("<h2>Summary</h2>"), html);
        assertTrue(html.contains("<p>No findings.</p>"), html);
        assertFalse(html.contains("<h2>Details</h2>"), html);
        assertFalse(html.contains("<h2>Input problems</h2>"), html);
    }

    @Test
    void anIncompleteRunSaysSo() {
        String html = render(new AnalysisResult("9.9.9", List.of(), List.of(new Problem(Problem.Kind.INPUT,
                new Location("big.c", 0, 0), "skipped: too large")), List.of(), List.of(), 0, List.of("big.c"), ""));
        assertTrue(html.contains("The run is incomplete: not analysed: big.c."), html);
    }

    @Test
    void thePageIsTheSameEveryTime() {
        assertEquals(render(RESULT), render(RESULT));
    }

    private static String render(AnalysisResult result) {
        StringWriter out = new StringWriter();
        new FindingsPage(new StandalonePageSink(out), result).render();
        return out.toString();
    }

    /** The HTML without the line breaks between tags and the rows' alternating classes. */
    private static String squeeze(String html) {
        return html.replaceAll(">\\s+<", "><").replace("<tr class=\"a\">", "<tr>").replace("<tr class=\"b\">", "<tr>");
    }
}
