package io.github.dovelint.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;

/**
 * A Maven project on disk for running the goals in-process, configured as the plugin's
 * defaults would be: sources under the base directory, build directory {@code target}, one
 * parser thread. The parameters are fields of the goals, set here as Maven would set them.
 */
final class TestProject {

    /** An install hook that takes a mutex: one DL101 error at line 7. */
    static final String SLEEPING_HOOK = """
            #include <linux/mutex.h>

            static DEFINE_MUTEX(evl_lock);

            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            \tmutex_lock(&evl_lock);
            \tmutex_unlock(&evl_lock);
            }
            """;

    final Path dir;
    final RecordingLog log = new RecordingLog();

    TestProject(Path dir) {
        this.dir = dir;
    }

    TestProject file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    Path target() {
        return dir.resolve("target");
    }

    <T extends AbstractDovelintMojo> T configure(T mojo) {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(target().toString());
        mojo.project = project;
        mojo.root = dir.toFile();
        mojo.configFile = dir.resolve(".dovelint.yml").toFile();
        mojo.baseline = dir.resolve("dovelint-baseline.json").toFile();
        mojo.scope = "auto";
        mojo.threads = 1;
        mojo.cacheDirectory = target().resolve("dovelint-cache").toFile();
        mojo.setLog(log);
        return mojo;
    }

    CheckMojo check() {
        CheckMojo mojo = configure(new CheckMojo());
        mojo.failOnSeverity = "error";
        mojo.formats = List.of("json");
        mojo.outputDirectory = new File(target().toFile(), "dovelint");
        mojo.logViolationsToConsole = true;
        return mojo;
    }
}
