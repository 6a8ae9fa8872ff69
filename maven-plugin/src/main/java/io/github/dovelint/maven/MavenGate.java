package io.github.dovelint.maven;

import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.gate.Gate;
import io.github.dovelint.gate.GateException;
import io.github.dovelint.gate.GateResult;
import io.github.dovelint.gate.GateSettings;
import io.github.dovelint.model.AnalysisResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Applies the {@link Gate} for {@code dovelint:check} and {@code dovelint:report}, and logs
 * what it left out, in the build's words.
 */
final class MavenGate {

    private MavenGate() {
    }

    /** @param log where the notes go, or null for none ({@code quiet}) */
    static GateResult apply(AnalysisResult analysed, GateSettings settings, Log log) throws MojoExecutionException {
        GateResult gate;
        try {
            gate = Gate.evaluate(analysed, settings);
        } catch (GateException e) {
            String what = e.stage() == GateException.Stage.NEW_SINCE ? "dovelint: newSince: " : "dovelint: ";
            throw new MojoExecutionException(what + e.getCause().getMessage(), e.getCause());
        }
        if (log == null) {
            return gate;
        }
        if (gate.baselineFile() != null) {
            int accepted = gate.acceptedByBaseline().size();
            log.info("dovelint: " + accepted + " finding" + (accepted == 1 ? "" : "s")
                    + " accepted by the baseline " + AbstractDovelintMojo.shown(gate.baselineFile()));
            if (!gate.staleEntries().isEmpty()) {
                log.warn("dovelint: " + gate.staleEntriesHeading());
                for (BaselineEntry e : gate.staleEntries()) {
                    log.warn("  " + e.describe());
                }
                log.warn("dovelint: remove them with: mvn dovelint:baseline -Ddovelint.prune");
            }
        }
        if (gate.newSince() != null) {
            log.info("dovelint: only findings on lines changed since " + gate.newSince() + " ("
                    + gate.onUnchangedLines() + " on unchanged lines left out)");
        }
        return gate;
    }
}
