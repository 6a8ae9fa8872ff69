package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class NewFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static AnalysisResult hostile() {
        Finding f = new Finding("DL101", "hook-may-sleep", Severity.WARNING,
                "<script>alert('x')</script> & \"q\"\u0001", new Location("a&b/<x>.c", 3, 2), "f<T>",
                "if (a < b && c > d) x = \"<b>\";", List.of());
        return new AnalysisResult("1", List.of(f), List.of(), List.of(ReportFixtures.DL101), List.of("a&b/<x>.c"), 5);
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checkstyleGroupsByFileAndMapsSeverities() throws Exception {
        Document doc = xml(new CheckstyleReport().render(ReportFixtures.sample()));
        NodeList files = doc.getElementsByTagName("file");
        assertEquals(3, files.getLength());
        assertEquals("samples/broken.c", ((Element) files.item(0)).getAttribute("name"));
        Element core = (Element) files.item(1);
        assertEquals(ReportFixtures.CORE, core.getAttribute("name"));
        Element first = (Element) core.getElementsByTagName("error").item(0);
        assertEquals("12", first.getAttribute("line"));
        assertEquals("9", first.getAttribute("column"));
        assertEquals("error", first.getAttribute("severity"));
        assertEquals("dovelint.DL101", first.getAttribute("source"));
        assertTrue(first.getAttribute("message").endsWith("[DL101]"));
        Element stage = (Element) ((Element) files.item(2)).getElementsByTagName("error").item(0);
        assertEquals("info", stage.getAttribute("severity"));
        assertFalse(stage.hasAttribute("column"));
        Element problem = (Element) ((Element) files.item(0)).getElementsByTagName("error").item(0);
        assertEquals("dovelint.problem.parse", problem.getAttribute("source"));
    }

    @Test
    void checkstyleEscapesEverything() throws Exception {
        Document doc = xml(new CheckstyleReport().render(hostile()));
        Element file = (Element) doc.getElementsByTagName("file").item(0);
        assertEquals("a&b/<x>.c", file.getAttribute("name"));
        Element error = (Element) file.getElementsByTagName("error").item(0);
        assertEquals("<script>alert('x')</script> & \"q\"\uFFFD [DL101]", error.getAttribute("message"));
    }

    @Test
    void gitlabIssuesCarryFingerprintsAndLines() throws Exception {
        JsonNode issues = MAPPER.readTree(new GitLabReport().render(ReportFixtures.sample()));
        assertEquals(3, issues.size());
        List<String> prints = Fingerprints.of(ReportFixtures.sample());
        JsonNode first = issues.get(0);
        assertEquals("DL101", first.path("check_name").asText());
        assertEquals(prints.get(0), first.path("fingerprint").asText());
        assertEquals("critical", first.path("severity").asText());
        assertEquals(ReportFixtures.CORE, first.path("location").path("path").asText());
        assertEquals(12, first.path("location").path("lines").path("begin").asInt());
        assertEquals("major", issues.get(1).path("severity").asText());
        assertEquals("minor", issues.get(2).path("severity").asText());
        assertEquals("[]\n", new GitLabReport().render(ReportFixtures.empty()));
    }

    @Test
    void htmlHasSummariesChainsAndEscapesText() {
        String html = new HtmlReport().render(ReportFixtures.sample());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<table class=\"by-rule\">"));
        assertTrue(html.contains("<table class=\"by-file\">"));
        assertTrue(html.contains("<ol class=\"chain\">"));
        assertTrue(html.contains("install_inband_fd() calls evl_add_entry()"));
        assertTrue(html.contains("p = kmalloc(sizeof(*p),   GFP_KERNEL);"));
        assertTrue(html.contains("expected &#39;;&#39; before &#39;}&#39; token"));
        assertFalse(html.contains("<script") || html.contains("http-equiv") || html.contains("src="));
        String bad = new HtmlReport().render(hostile());
        assertFalse(bad.contains("<script>"));
        assertFalse(bad.contains("<x>"));
        assertTrue(bad.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
        assertTrue(bad.contains("if (a &lt; b &amp;&amp; c &gt; d)"));
    }

    @Test
    void htmlQuotesTheSourceAroundTheFinding(@TempDir Path root) throws Exception {
        Path file = root.resolve(ReportFixtures.CORE);
        Files.createDirectories(file.getParent());
        StringBuilder src = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            src.append(i == 12 ? "\tp = kmalloc(sizeof(*p), GFP_KERNEL); /* <here> */" : "line " + i).append('\n');
        }
        Files.writeString(file, src);
        String html = new HtmlReport(root).render(ReportFixtures.sample());
        assertTrue(html.contains("10  line 10\n11  line 11\n<span class=\"hit\">12      p = kmalloc(sizeof(*p), "
                + "GFP_KERNEL); /* &lt;here&gt; */</span>\n13  line 13\n14  line 14\n</pre>"), html);
        assertEquals(html, new HtmlReport(root).render(ReportFixtures.sample()));
    }

    @Test
    void outputFileNames() {
        assertEquals("dovelint.sarif", ReportWriters.fileName(ReportWriters.byName("sarif")));
        assertEquals("dovelint-checkstyle.xml", ReportWriters.fileName(ReportWriters.byName("checkstyle")));
        assertEquals("dovelint-gitlab.json", ReportWriters.fileName(ReportWriters.byName("gitlab")));
        assertEquals("dovelint.html", ReportWriters.fileName(ReportWriters.byName("html")));
        assertEquals("dovelint.json", ReportWriters.fileName(ReportWriters.byName("json")));
    }
}
