package io.github.dovelint.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per phase and rule of one run, summed over its units (see {@link ProgressListener#timings}). */
final class Timings {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to {@code phase}. */
    void since(String phase, long startNanos) {
        add(phase, System.nanoTime() - startNanos);
    }

    synchronized void add(String phase, long value) {
        nanos.merge(phase, value, Long::sum);
    }

    /** A read-only view, for the progress listener. */
    Map<String, Long> view() {
        return Collections.unmodifiableMap(nanos);
    }
}
