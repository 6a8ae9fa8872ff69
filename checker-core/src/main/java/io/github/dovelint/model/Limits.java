package io.github.dovelint.model;

import java.time.Duration;
import java.util.Locale;

/**
 * Per-file budgets of a run. A file over a budget is not analysed: it gets an
 * INPUT problem saying "skipped: too large", "skipped: too slow" or
 * "skipped: nested too deeply", is listed in {@link AnalysisResult#notAnalysed()},
 * and the run goes on with the other files.
 *
 * @param maxFileBytes the largest source file analysed, in bytes (bounds the memory one file takes)
 * @param fileTimeout  the longest one file may take to parse and extract facts from
 * @param maxAstDepth  the deepest AST analysed (bounds every recursive walk over it:
 *                     10,000 nested parentheses or blocks are skipped, not a stack overflow)
 */
public record Limits(long maxFileBytes, Duration fileTimeout, int maxAstDepth) {

    /** 8 MiB per file, 60 seconds per file, AST depth 4,000. */
    public static final Limits DEFAULT = new Limits(8L << 20, Duration.ofSeconds(60), 4000);

    public Limits {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the file size limit must be at least 1 byte");
        }
        if (fileTimeout == null || fileTimeout.isNegative() || fileTimeout.isZero()) {
            throw new IllegalArgumentException("the per-file time limit must be positive");
        }
        if (maxAstDepth < 16) {
            throw new IllegalArgumentException("the AST depth limit must be at least 16");
        }
    }

    public Limits withMaxFileBytes(long value) {
        return new Limits(value, fileTimeout, maxAstDepth);
    }

    public Limits withFileTimeout(Duration value) {
        return new Limits(maxFileBytes, value, maxAstDepth);
    }

    public Limits withMaxAstDepth(int value) {
        return new Limits(maxFileBytes, fileTimeout, value);
    }

    /**
     * Parses a size: {@code 123}, {@code 512k}, {@code 8M}, {@code 1G} (binary multiples, an optional
     * trailing {@code B} or {@code iB}).
     *
     * @throws IllegalArgumentException with a message for people
     */
    public static long parseSize(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
            if (unit > 1) {
                t = t.substring(0, t.length() - 1).trim();
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n < 1 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (expected e.g. 500000, 512k, 8M, 1G)");
        }
    }

    /**
     * Parses a duration: {@code 30s}, {@code 500ms}, {@code 2m}, or a bare number of seconds.
     *
     * @throws IllegalArgumentException with a message for people
     */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 30s, 500ms, 2m)");
        }
    }

    /** How a duration reads in messages: {@code 500ms}, {@code 30s}. */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
