package io.github.dovelint.summary;

import io.github.dovelint.model.Location;
import java.util.Comparator;

/**
 * Where an effect happens: the call or use itself, in the function that
 * contains it. Findings are reported at sites; chains lead to them.
 *
 * @param kind        what happens there
 * @param location    the call or use
 * @param function    the function containing it
 * @param description what happens, for messages: {@code kmalloc() with GFP_KERNEL may sleep}
 * @param callee      the function called there whose knowledge-base entry has the effect
 *                    ({@code fget}), or null for a use written in the function itself
 */
public record Site(EffectKind kind, Location location, String function, String description, String callee)
        implements Comparable<Site> {

    private static final Comparator<Site> ORDER = Comparator.comparing(Site::location)
            .thenComparing(Site::kind)
            .thenComparing(Site::description)
            .thenComparing(Site::callee, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A site written in the function itself (no callee). */
    public Site(EffectKind kind, Location location, String function, String description) {
        this(kind, location, function, description, null);
    }

    @Override
    public int compareTo(Site o) {
        return ORDER.compare(this, o);
    }
}
