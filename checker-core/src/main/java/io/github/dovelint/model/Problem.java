package io.github.dovelint.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something about the input that kept dovelint from analysing it fully: a
 * parse problem, an unreadable or undecodable file, a bad configuration.
 * Problems are not findings: they never come from a rule.
 */
public record Problem(Kind kind, Location location, String message) implements Comparable<Problem> {

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The C parser could not make sense of part of a file; the rest was analysed. */
        PARSE,
        /** A file or directory could not be read or decoded. */
        INPUT,
        /** The configuration is invalid. */
        CONFIG,
        /** dovelint itself failed on part of the input (a bug to report); that part was not analysed. */
        INTERNAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::location)
            .thenComparing(Problem::kind)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
