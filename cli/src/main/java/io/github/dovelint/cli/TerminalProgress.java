package io.github.dovelint.cli;

import io.github.dovelint.engine.ProgressListener;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Problem;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on a terminal's stderr: files parsed out of the total, rate and
 * ETA, redrawn in place at most a few times a second; and, at the end, one
 * line with files, lines, findings, parse problems and the wall time (on
 * stderr only, so that reports stay byte-identical from run to run).
 */
final class TerminalProgress implements ProgressListener {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean live;
    private final boolean warns;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong lines = new AtomicLong();
    private volatile int total;
    private long lastDraw;
    private boolean drawn;
    private java.util.Map<String, Long> timings = java.util.Map.of();

    /**
     * @param live  redraw a progress line (a terminal); otherwise only the final summary
     * @param warns say when the cache is off ({@link #cacheOff}); not under {@code --quiet}
     */
    TerminalProgress(PrintWriter err, boolean live, boolean warns) {
        this.err = err;
        this.live = live;
        this.warns = warns;
    }

    @Override
    public synchronized void cacheOff(String why) {
        if (warns) {
            clear();
            err.println("dovelint: warning: " + why);
            err.flush();
        }
    }

    @Override
    public void started(int files) {
        total = files;
    }

    @Override
    public void fileDone(String file, long fileLines) {
        int n = done.incrementAndGet();
        lines.addAndGet(fileLines);
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (n < total && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            double secs = Math.max(1e-3, (now - start) / 1e9);
            double rate = n / secs;
            int left = Math.max(0, total - n);
            String eta = n >= total ? "running the rules" : "ETA " + duration(left / Math.max(rate, 1e-9));
            err.print(String.format(Locale.ROOT, "\r\033[Kdovelint: %d/%d files (%d%%), %.0f files/s, %s",
                    n, total, total == 0 ? 100 : 100L * n / total, rate, eta));
            err.flush();
            drawn = true;
        }
    }

    @Override
    public synchronized void parsed() {
        clear();
    }

    @Override
    public synchronized void timings(java.util.Map<String, Long> nanos) {
        timings = new java.util.LinkedHashMap<>(nanos);
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** The final line: files, lines, findings, parse problems, time and rate. */
    synchronized void summary(AnalysisResult result) {
        clear();
        double secs = (System.nanoTime() - start) / 1e9;
        long parseProblems = result.problems().stream().filter(p -> p.kind() == Problem.Kind.PARSE).count();
        err.println(String.format(Locale.ROOT,
                "dovelint: %d files, %d lines, %d findings, %d parse problems in %.1f s (%.0f lines/s)%s",
                result.files().size(), result.lines(), result.findings().size(), parseProblems, secs,
                result.lines() / Math.max(secs, 1e-3), result.outOfReach().isEmpty() ? ""
                        : String.format(Locale.ROOT, "; %d files out of the rules' reach", result.outOfReach().size())));
        if (!timings.isEmpty()) {
            StringBuilder line = new StringBuilder("dovelint: time:");
            timings.forEach((name, nanos) -> line.append(String.format(Locale.ROOT, " %s %.2f s,", name, nanos / 1e9)));
            line.setLength(line.length() - 1);
            err.println(line);
        }
        err.flush();
    }

    static String duration(double secs) {
        long s = Math.round(secs);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
