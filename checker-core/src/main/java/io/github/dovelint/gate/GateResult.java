package io.github.dovelint.gate;

import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link Gate} decided about a run.
 *
 * @param result            the run with only the kept findings: what reports and consoles show
 * @param baselineFile      the baseline applied, or null when none was
 * @param acceptedByBaseline the findings the baseline accepted, left out
 * @param staleEntries      the baseline entries no finding matches any more
 * @param newSince          the git ref whose changed lines were kept, or null
 * @param onUnchangedLines  how many findings not accepted by the baseline were left out as on unchanged lines
 * @param threshold         the least severe severity that counts as a violation, or null
 * @param violations        how many kept findings are at or above the threshold
 * @param maxAllowed        how many violations are tolerated
 * @param verdict           whether the gate fails, and why
 */
public record GateResult(AnalysisResult result, Path baselineFile, List<Finding> acceptedByBaseline,
                         List<BaselineEntry> staleEntries, String newSince, int onUnchangedLines,
                         Severity threshold, long violations, int maxAllowed, Verdict verdict) {

    public GateResult {
        acceptedByBaseline = List.copyOf(acceptedByBaseline);
        staleEntries = List.copyOf(staleEntries);
    }

    /** The findings kept. */
    public List<Finding> kept() {
        return result.findings();
    }

    public boolean fails() {
        return verdict.fails();
    }

    /** The kept findings that count as violations, in report order. */
    public List<Finding> violating() {
        return threshold == null ? List.of()
                : result.findings().stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    /** The heading every front end prints above the stale entries: "2 baseline entries match no finding any more:". */
    public String staleEntriesHeading() {
        int n = staleEntries.size();
        return n + " baseline entr" + (n == 1 ? "y matches" : "ies match") + " no finding any more:";
    }

    /** Why the gate decided as it did, in one line for logs. */
    public String reason() {
        return switch (verdict) {
            case PASSED -> "no finding at or above " + (threshold == null ? "any threshold" : threshold.label());
            case TOLERATED -> violations + " at or above " + threshold.label() + ", within the " + maxAllowed
                    + " allowed";
            case FAILED_VIOLATIONS -> violations + " at or above " + threshold.label() + ", more than the "
                    + maxAllowed + " allowed";
            case FAILED_INCOMPLETE -> result.notAnalysed().size() + " file(s) not analysed";
        };
    }
}
