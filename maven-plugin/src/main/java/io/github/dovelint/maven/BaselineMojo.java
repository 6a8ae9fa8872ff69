package io.github.dovelint.maven;

import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.gate.Gate;
import io.github.dovelint.model.AnalysisResult;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the current findings to the {@code baseline} file, so that
 * {@code check} then fails only on new ones. Entries of the old baseline
 * that no finding matches any more (fixed, or their line was edited) are
 * listed and kept, unless {@code -Ddovelint.prune} removes them. Pruning after a run that
 * could not analyse every file is refused (unless {@code keepGoing}): the entries of the files
 * not analysed would look stale and be lost.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractDovelintMojo {

    /** Removes the baseline entries no finding matches any more. */
    @Parameter(property = "dovelint.prune", defaultValue = "false")
    protected boolean prune;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("dovelint: skipped");
            return;
        }
        AnalysisResult result = analyse();
        if (result == null) {
            return;
        }
        Path file = baseline.toPath().toAbsolutePath().normalize();
        if (prune && !result.complete() && !keepGoing) {
            String why = result.notAnalysed().isEmpty() ? "input problems"
                    : "not analysed: " + String.join(", ", result.notAnalysed());
            throw new MojoExecutionException("dovelint: the run is incomplete (" + why + "): not pruning " + shown(file) + ", whose entries for the files not analysed would be lost;"
                    + " it is unchanged. To prune anyway: -Ddovelint.keepGoing");
        }
        try {
            Baseline.Update update = Gate.updateBaseline(result, file, prune);
            getLog().info("dovelint: wrote " + shown(file) + ": " + update.baseline().size() + " entr"
                    + (update.baseline().size() == 1 ? "y" : "ies") + " (" + update.added() + " new)");
            if (!update.stale().isEmpty()) {
                getLog().info("dovelint: " + update.stale().size() + " stale entr"
                        + (update.stale().size() == 1 ? "y" : "ies") + (prune ? " pruned:" : " kept:"));
                for (BaselineEntry e : update.stale()) {
                    getLog().info("  " + e.describe());
                }
                if (!prune) {
                    getLog().info("dovelint: remove them with: mvn dovelint:baseline -Ddovelint.prune");
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("dovelint: " + e.getMessage(), e);
        }
    }
}
