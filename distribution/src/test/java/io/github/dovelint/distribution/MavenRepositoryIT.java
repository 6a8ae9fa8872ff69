package io.github.dovelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Maven instructions, from the archive alone: the archive unpacked where the
 * README's "Install" puts it ({@code ~/.local/opt}, in a home of the test's), and a driver
 * project whose POM is the README's {@code <pluginRepositories>} snippet ("Install") and its
 * plugin snippet ("Use in Maven"), verbatim but for the version: the README names the release
 * (this build's version without {@code -SNAPSHOT}), the test the version it built. Maven (the
 * build's own) runs {@code verify} on Java 17 with an empty local repository; the dovelint
 * artifacts can come only from the archive's {@code maven/}: the stand-in for Maven Central is
 * the build's local repository with its snapshots (a stale dovelint among them) turned off.
 */
class MavenRepositoryIT {

    private static final Pattern XML_BLOCK = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    /** The first {@code ```xml} block of the README section whose heading is {@code heading}. */
    static String xmlSnippet(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the README has a section " + heading);
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        Matcher m = XML_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        assertTrue(m.find(), "an xml block in " + heading);
        return m.group(1);
    }

    @Test
    void theReadmeSnippetsRunThePluginFromTheArchivesMavenRepositoryOnJava17() throws Exception {
        Distribution.assumeJava17();
        String readme = Files.readString(Distribution.repository().resolve("README.md"));
        String release = Distribution.version().replace("-SNAPSHOT", "");
        String repositories = xmlSnippet(readme, "## Install");
        String plugin = xmlSnippet(readme, "## Use in Maven");
        assertTrue(repositories.contains("<pluginRepositories>") && repositories.contains("dovelint-" + release + "/maven"),
                repositories);
        assertTrue(plugin.contains("<version>" + release + "</version>"), "the README names the release\n" + plugin);

        Path home = Files.createDirectories(tmp.resolve("home"));
        Distribution.unpack(home.resolve(".local/opt"));
        Path project = Files.createDirectories(tmp.resolve("driver"));
        Distribution.copySample("sleep-direct", project.resolve("sleep-direct"));
        Files.writeString(project.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>driver</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                %s%s</project>
                """.formatted(repositories, plugin).replace(release, Distribution.version()));
        Path settings = Files.writeString(tmp.resolve("settings.xml"), centralFromTheBuildsRepository());

        Distribution.Run r = Distribution.run(project, Distribution.env("JAVA_HOME", Distribution.JAVA17.toString(),
                        "PATH", "/usr/bin:/bin", "HOME", home.toString(), "MAVEN_OPTS", "-Duser.home=" + home),
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + tmp.resolve("local-repository"), "verify");

        assertEquals(1, r.exit(), () -> "the sample's findings fail the build\n" + r);
        String archiveRepository = "from dovelint-archive: file://" + home.resolve(".local/opt/dovelint-"
                + Distribution.version() + "/maven/io/github/dovelint") + "/";
        assertTrue(r.out().contains("Downloaded " + archiveRepository + "dovelint-maven-plugin/"), r::toString);
        assertTrue(r.out().contains("Downloaded " + archiveRepository + "dovelint-checker-core/"), r::toString);
        assertFalse(r.out().contains("Checksum"), "the repository has its checksums\n" + r);
        assertTrue(r.out().contains("[ERROR] " + ArchiveIT.FINDING), r::toString);
        assertTrue(Files.readString(project.resolve("target/dovelint/dovelint.sarif")).contains("\"DL101\""));
    }

    /**
     * Settings that replace Maven Central by the build's local repository, for the third-party
     * artifacts (releases only: the stale dovelint snapshots there must not be found; no checksums:
     * a local repository keeps none).
     */
    private static String centralFromTheBuildsRepository() {
        String repository = """
                <id>central</id>
                <url>%s</url>
                <releases><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots>
                """.formatted(Path.of(System.getProperty("dovelint.localRepository")).toUri());
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>central-from-the-build</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>central-from-the-build</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }
}
