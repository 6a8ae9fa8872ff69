package io.github.dovelint.rules;

import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.match.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a rule can look at, so that a run parses only that part of a large
 * tree: the functions it starts from ({@link FunctionMatcher}, the same
 * objects its check selects them with), how many levels of callers it looks
 * at above them, and how far it follows callees. The analysis a rule makes
 * must stay within what it declares here: then a run over the slice finds
 * exactly what a run over every file finds, which {@code SamplesTest} checks
 * on every sample. The engine hands it to the slicer (ARCHITECTURE.md).
 *
 * <pre>{@code
 * Scope.from(containing(FDTABLE_READ)).callers(2).callees(2)
 *      .calleesMentioning(kb -> Footprint.anyOf(LockApis.FD_TABLE_LOCK_NAMES)).withoutMemberCalls()
 * }</pre>
 */
public final class Scope {

    /** No limit on the levels followed. */
    public static final int ALL = -1;

    /**
     * One kind of starting point and how far the rule follows calls from it.
     *
     * @param from              the starting points
     * @param callers           levels of callers looked at above them ({@link #ALL}: every level)
     * @param callees           levels of callees looked at below them and their callers
     * @param calleesMentioning when not null, the only callees that matter: those with this footprint
     *                          themselves or through their own callees within {@code callees} levels
     * @param followsMembers    whether a call through a struct member reaches every function bound to it
     * @param context           whether these functions are only read for context (which generation
     *                          the code is), not checked: a run without them still has something to check
     */
    public record Part(FunctionMatcher from, int callers, int callees,
                       Function<KnowledgeBase, Footprint> calleesMentioning, boolean followsMembers,
                       boolean context) {
    }

    private final List<Part> parts;

    private Scope(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Every file: a rule that cannot say where it starts. A run with such a rule parses
     * everything; no bundled rule is one.
     */
    public static Scope everything() {
        return new Scope(List.of());
    }

    /** The functions {@code start} selects and every level of their callees, no caller. */
    public static Scope from(FunctionMatcher start) {
        return new Scope(List.of(new Part(start, 0, ALL, null, true, false)));
    }

    /** Whether this is {@link #everything()}. */
    public boolean isEverything() {
        return parts.isEmpty();
    }

    /**
     * This scope and functions it reads only for context, never a starting point of its checks
     * (DL401 reads the code's oob pointer accesses to tell the Dovetail generation).
     */
    public Scope readingAlso(Scope other) {
        List<Part> all = new ArrayList<>(parts);
        for (Part p : other.parts) {
            all.add(new Part(p.from, p.callers, p.callees, p.calleesMentioning, p.followsMembers, true));
        }
        return new Scope(all);
    }

    /** This scope and another kind of starting point (hooks followed down, oob writers followed up). */
    public Scope and(Scope other) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(other.parts);
        return new Scope(all);
    }

    /** The levels of callers looked at above the starting points ({@link #ALL}: every level). */
    public Scope callers(int levels) {
        Part p = last();
        return with(new Part(p.from, levels, p.callees, p.calleesMentioning, p.followsMembers, p.context));
    }

    /** The levels of callees looked at below the starting points and their callers. */
    public Scope callees(int levels) {
        Part p = last();
        return with(new Part(p.from, p.callers, levels, p.calleesMentioning, p.followsMembers, p.context));
    }

    /**
     * The only callees that matter: those whose text, or that of their own callees within the
     * {@link #callees} levels, has this footprint.
     */
    public Scope calleesMentioning(Function<KnowledgeBase, Footprint> footprint) {
        Part p = last();
        return with(new Part(p.from, p.callers, p.callees, footprint, p.followsMembers, p.context));
    }

    /**
     * A call through a struct member ({@code ops->release(f)}) is not followed to the functions
     * bound to that member; the rule's own analysis must not follow it either.
     */
    public Scope withoutMemberCalls() {
        Part p = last();
        return with(new Part(p.from, p.callers, p.callees, p.calleesMentioning, false, p.context));
    }

    /**
     * What the run lacks when this scope finds no starting point in {@code context}'s program,
     * or null when it finds one (or is {@link #everything()}): a rule with such a scope had
     * nothing to check.
     */
    public String missingIn(RuleContext context) {
        if (isEverything()) {
            return null;
        }
        List<String> wanted = new ArrayList<>();
        for (Part p : parts) {
            if (p.context()) {
                continue;
            }
            if (!p.from().select(context).isEmpty()) {
                return null;
            }
            String what = p.from().describe(context.knowledge());
            if (!wanted.contains(what)) {
                wanted.add(what);
            }
        }
        return String.join(" or ", wanted);
    }

    /** Its parts, one per kind of starting point; none for {@link #everything()}. */
    public List<Part> parts() {
        return parts;
    }

    private Part last() {
        if (parts.size() != 1) {
            throw new IllegalStateException("levels apply to a scope of one starting point; combine with and()");
        }
        return parts.get(0);
    }

    private Scope with(Part p) {
        return new Scope(List.of(p));
    }
}
