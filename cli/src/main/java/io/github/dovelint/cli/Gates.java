package io.github.dovelint.cli;

import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.gate.Gate;
import io.github.dovelint.gate.GateException;
import io.github.dovelint.gate.GateResult;
import io.github.dovelint.gate.GateSettings;
import io.github.dovelint.model.AnalysisResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code --baseline}, {@code --new-since} and {@code --keep-going} as {@link GateSettings}, and
 * the notes {@code check} prints about what the {@link Gate} decided. On the command line any
 * finding kept fails the run.
 */
final class Gates {

    private Gates() {
    }

    /** The gate of {@code check}: a baseline, when given, must exist; git is asked in the root. */
    static GateSettings settings(Path root, Path baseline, String newSince, boolean keepGoing) {
        GateSettings settings = GateSettings.of(root).withNewSince(newSince, root).withKeepGoing(keepGoing);
        return baseline == null ? settings : settings.withBaseline(baseline);
    }

    /**
     * Applies the gate. Notes about stale baseline entries go to {@code err} unless it is null.
     *
     * @throws IOException from the baseline reader or git, as they said it
     */
    static GateResult apply(AnalysisResult result, GateSettings settings, PrintWriter err) throws IOException {
        GateResult gate;
        try {
            gate = Gate.evaluate(result, settings);
        } catch (GateException e) {
            throw e.getCause();
        }
        if (err != null && !gate.staleEntries().isEmpty()) {
            err.println("dovelint: note: " + gate.staleEntriesHeading());
            for (BaselineEntry e : gate.staleEntries()) {
                err.println("  " + e.describe());
            }
            err.println("dovelint: note: drop them with --update-baseline --prune");
        }
        return gate;
    }
}
