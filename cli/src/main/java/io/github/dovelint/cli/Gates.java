package io.github.dovelint.cli;

import io.github.dovelint.AnalysisResult;
import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.baseline.ChangedLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --baseline} and {@code --new-since}: what {@code check} leaves out of the report. */
final class Gates {

    private Gates() {
    }

    /**
     * The findings not accepted by {@code baseline} (when given) and, with
     * {@code newSince}, on lines changed since that ref. Notes about stale
     * baseline entries go to {@code err} unless it is null.
     */
    static AnalysisResult apply(AnalysisResult result, Path baseline, String newSince, Path root, PrintWriter err)
            throws IOException {
        AnalysisResult out = result;
        if (baseline != null) {
            Baseline.Match match = Baseline.read(baseline).match(out);
            out = match.result();
            if (err != null && !match.stale().isEmpty()) {
                err.println("dovelint: note: " + match.stale().size() + " baseline entr"
                        + (match.stale().size() == 1 ? "y matches" : "ies match") + " no finding any more:");
                for (BaselineEntry e : match.stale()) {
                    err.println("  " + e.describe());
                }
                err.println("dovelint: note: drop them with --update-baseline --prune");
            }
        }
        if (newSince != null && !newSince.isBlank()) {
            out = ChangedLines.since(root, newSince.trim()).filter(out, root);
        }
        return out;
    }
}
