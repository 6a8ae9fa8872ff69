package io.github.dovelint.maven;

import io.github.dovelint.engine.ProgressListener;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hears a run's timings and says, at its end, what {@code dovelint check --stats} says: files,
 * lines, findings, parse problems and wall time, then where the time went. Only the log gets
 * times; reports never do, so that they stay identical from build to build.
 */
final class RunStats implements ProgressListener {

    private final long start = System.nanoTime();
    private Map<String, Long> timings = Map.of();

    @Override
    public synchronized void timings(Map<String, Long> nanos) {
        timings = new LinkedHashMap<>(nanos);
    }

    /** The lines to log once the run is over. */
    synchronized List<String> lines(AnalysisResult result) {
        double secs = (System.nanoTime() - start) / 1e9;
        long parseProblems = result.problems().stream().filter(p -> p.kind() == Problem.Kind.PARSE).count();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "dovelint: %d files, %d lines, %d findings, %d parse problems in %.1f s",
                result.files().size(), result.lines(), result.findings().size(), parseProblems, secs));
        lines.add(timeLine(timings));
        return lines;
    }

    /** {@code dovelint: time: reuse check 0.01 s, parse 0.52 s, ...}, in the order the phases ran. */
    static String timeLine(Map<String, Long> nanos) {
        List<String> parts = new ArrayList<>();
        nanos.forEach((name, n) -> parts.add(String.format(Locale.ROOT, "%s %.2f s", name, n / 1e9)));
        return "dovelint: time: " + (parts.isEmpty() ? "none recorded" : String.join(", ", parts));
    }
}
