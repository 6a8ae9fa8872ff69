package io.github.dovelint.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a function's text must mention for a matcher to match anything in it:
 * any one of {@link #clauses}, each a set of identifiers the function mentions
 * all of. An identifier may be written {@code prefix*} or {@code *suffix}, and
 * {@code name[} stands for {@code name} followed by a subscript. A footprint
 * over-approximates its matcher: the lexical index (see
 * {@code io.github.dovelint.slice}) finds every function that might match
 * without parsing, and the facts then decide. The slice is only as exact as
 * that promise, which {@code SamplesTest} checks by running every sample both
 * sliced and whole.
 */
public record Footprint(List<List<String>> clauses) {

    /** Matches nothing: no function needs to be looked at. */
    public static final Footprint NONE = new Footprint(List.of());

    public Footprint {
        clauses = clauses.stream().map(List::copyOf).distinct().toList();
    }

    /** A function that mentions any one of these names. */
    public static Footprint anyOf(Collection<String> names) {
        return new Footprint(names.stream().map(List::of).toList());
    }

    /** A function that mentions any one of these names. */
    public static Footprint anyOf(String... names) {
        return anyOf(List.of(names));
    }

    /** A function that mentions all of these names. */
    public static Footprint allOf(String... names) {
        return new Footprint(List.of(List.of(names)));
    }

    /** A function that has this footprint or that one. */
    public Footprint or(Footprint other) {
        List<List<String>> out = new ArrayList<>(clauses);
        out.addAll(other.clauses);
        return new Footprint(out);
    }

    /** A function that has both footprints: every clause of one joined with every clause of the other. */
    public Footprint and(Footprint other) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> a : clauses) {
            for (List<String> b : other.clauses) {
                Set<String> both = new LinkedHashSet<>(a);
                both.addAll(b);
                out.add(List.copyOf(both));
            }
        }
        return new Footprint(out);
    }

    /** The clauses as the slicer's patterns: {@code a+b} for a clause of two names. */
    public List<String> patterns() {
        return clauses.stream().map(c -> String.join("+", c)).toList();
    }
}
