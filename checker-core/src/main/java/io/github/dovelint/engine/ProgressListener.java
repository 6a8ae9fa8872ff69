package io.github.dovelint.engine;

/**
 * Hears how a run advances, for a progress display. Called from the parser
 * threads: implementations must be thread-safe and cheap.
 */
public interface ProgressListener {

    /** Listens to nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Parsing starts; {@code files} source files are to be parsed or read from the cache. */
    default void started(int files) {
    }

    /** One file's facts are ready (parsed, or read from the cache). */
    default void fileDone(String file, long lines) {
    }

    /** Parsing is over; the rules run next. */
    default void parsed() {
    }

    /**
     * Where the run's time went, once at the end: phase or rule name to
     * nanoseconds of wall time, in the order the phases ran ({@code parse},
     * {@code call graph}, {@code rules}, then each rule id), summed over program
     * units. Rules may run in parallel: their times overlap, and {@code rules}
     * is the wall time of all of them.
     */
    default void timings(java.util.Map<String, Long> nanos) {
    }

    /**
     * The cache folder cannot be written (read-only, a file in the way, a full disk): the run
     * goes on without writing it. Said once per run, with why.
     */
    default void cacheOff(String why) {
    }
}
