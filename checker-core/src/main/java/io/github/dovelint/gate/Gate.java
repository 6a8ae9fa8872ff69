package io.github.dovelint.gate;

import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.baseline.ChangedLines;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides what of a run is shown and whether it fails: the findings the
 * baseline accepts are left out, then (with {@code newSince}) those not on
 * lines changed since that ref, and the rest are counted against the
 * threshold. The command line, the Maven goals and the IDE builder all ask
 * here, so a run passes or fails alike wherever it is checked; each only says
 * it in its own words.
 */
public final class Gate {

    private Gate() {
    }

    /**
     * Applies {@code settings} to {@code analysed}.
     *
     * @throws GateException when the baseline cannot be read or git cannot tell the changed lines
     */
    public static GateResult evaluate(AnalysisResult analysed, GateSettings settings) throws GateException {
        Path baselineFile = baselineToApply(settings);
        AnalysisResult result = analysed;
        List<Finding> accepted = List.of();
        List<BaselineEntry> stale = List.of();
        if (baselineFile != null) {
            Baseline.Match match;
            try {
                match = Baseline.read(baselineFile).match(result);
            } catch (IOException e) {
                throw new GateException(GateException.Stage.BASELINE, e);
            }
            result = match.result();
            accepted = match.acceptedFindings();
            stale = match.stale();
        }
        int onUnchangedLines = 0;
        if (settings.newSince() != null) {
            ChangedLines changed;
            try {
                changed = ChangedLines.since(settings.gitDirectory(), settings.newSince());
            } catch (IOException e) {
                throw new GateException(GateException.Stage.NEW_SINCE, e);
            }
            int before = result.findings().size();
            result = changed.filter(result, settings.root());
            onUnchangedLines = before - result.findings().size();
        }
        return decide(result, settings, baselineFile, accepted, stale, onUnchangedLines);
    }

    /**
     * Accepts every finding of {@code analysed} into the baseline {@code file} (created when
     * missing) and writes it: the baseline the gate applies from then on. Entries no finding
     * matches any more are kept unless {@code prune}.
     *
     * @throws IOException when the old baseline cannot be read or the new one written
     */
    public static Baseline.Update updateBaseline(AnalysisResult analysed, Path file, boolean prune)
            throws IOException {
        Baseline old = Files.exists(file) ? Baseline.read(file) : Baseline.empty();
        Baseline.Update update = old.update(analysed, prune);
        update.baseline().write(file);
        return update;
    }

    private static Path baselineToApply(GateSettings settings) {
        Path file = settings.baseline();
        if (file == null) {
            return null;
        }
        Path absolute = file.toAbsolutePath().normalize();
        // a required baseline that is missing is read anyway, so that the reader says so
        return settings.baselineRequired() || Files.isRegularFile(absolute) ? absolute : null;
    }

    private static GateResult decide(AnalysisResult result, GateSettings settings, Path baselineFile,
                                     List<Finding> accepted, List<BaselineEntry> stale, int onUnchangedLines) {
        long violations = settings.failOn() == null ? 0
                : result.findings().stream().filter(f -> f.severity().atLeast(settings.failOn())).count();
        Verdict verdict;
        if (!result.complete() && settings.failWhenIncomplete()) {
            verdict = Verdict.FAILED_INCOMPLETE;
        } else if (violations > settings.maxAllowedViolations()) {
            verdict = Verdict.FAILED_VIOLATIONS;
        } else if (violations > 0) {
            verdict = Verdict.TOLERATED;
        } else {
            verdict = Verdict.PASSED;
        }
        return new GateResult(result, baselineFile, accepted, stale, settings.newSince(), onUnchangedLines,
                settings.failOn(), violations, settings.maxAllowedViolations(), verdict);
    }
}
