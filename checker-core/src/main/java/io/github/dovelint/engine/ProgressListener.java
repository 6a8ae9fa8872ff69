package io.github.dovelint.engine;

/**
 * Hears how a run advances, for a progress display, and may ask it to stop.
 * Called from the parser threads: implementations must be thread-safe and cheap.
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

    /**
     * One file was parsed: its facts were not in the fact cache, or there is none. Told
     * besides {@link #fileDone}, so a front end can say how much of a run was warm.
     */
    default void fileParsed(String file) {
    }

    /**
     * Whether the run is to stop. Asked before each file is parsed, between program units
     * and before each rule runs; once it answers true, {@link io.github.dovelint.Analyzer#run()}
     * throws {@link java.util.concurrent.CancellationException} soon after (a file being parsed
     * is finished first). The fact cache stays valid: it only ever holds whole files' facts,
     * and no run record is written for a unit whose run was cancelled.
     */
    default boolean cancelled() {
        return false;
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
