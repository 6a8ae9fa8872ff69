package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What Maven Central checks in a deployed POM (name, description, url, licenses, developers, scm),
 * so that a release is not refused at the staging step: the parent declares what the modules
 * inherit, and each module its own name and description (Maven does not inherit a name).
 */
class ReleaseMetadataIT {

    private static Document pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document pom, String path) throws Exception {
        return ((String) XPathFactory.newInstance().newXPath().evaluate(path, pom, XPathConstants.STRING)).strip();
    }

    @Test
    void theParentDeclaresUrlLicenseDevelopersAndScm() throws Exception {
        Document root = pom(Distribution.repository().resolve("pom.xml"));
        for (String required : List.of("/project/name", "/project/description", "/project/url",
                "/project/licenses/license/name", "/project/licenses/license/url",
                "/project/developers/developer/name", "/project/scm/url", "/project/scm/connection",
                "/project/scm/developerConnection")) {
            assertFalse(text(root, required).isEmpty(), required + " in the root pom");
        }
        assertEquals("EPL-2.0", text(root, "/project/licenses/license/name"));
        assertTrue(Files.readString(Distribution.repository().resolve("LICENSE"))
                .startsWith("Eclipse Public License - v 2.0\n"), "LICENSE is the license the POM names");
        assertEquals("false", root.getDocumentElement().getAttribute("child.project.url.inherit.append.path"),
                "modules keep the project's url, not url/artifactId (a page that does not exist)");
    }

    @Test
    void everyModuleHasItsOwnNameAndDescription() throws Exception {
        Document root = pom(Distribution.repository().resolve("pom.xml"));
        NodeList modules = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/project/modules/module", root, XPathConstants.NODESET);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            Document pom = pom(Distribution.repository().resolve(module).resolve("pom.xml"));
            if (text(pom, "/project/name").isEmpty() || text(pom, "/project/description").isEmpty()) {
                missing.add(module);
            }
        }
        assertTrue(modules.getLength() >= 8, "the modules are listed");
        assertEquals(List.of(), missing, "modules without a name or a description");
    }
}
