package io.github.dovelint.rules.fdtable;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an fd-table read's protection is missing, reasoned the way the
 * contract is written (docs/contracts.md#t1-the-fd-table-is-read-under-rcu-or-the-fd-table-lock):
 * a function that reads the table without protecting it has a precondition,
 * "the caller holds {@code ->file_lock} or the RCU read lock (or owns the last
 * reference)", which each of its call sites must meet. A caller that does not
 * meet it itself passes it on to its own callers, and so on up; the
 * requirement breaks where it cannot be passed further:
 *
 * <ul>
 * <li>in a function nothing calls that documents no such precondition (a
 * comment saying its caller holds the lock, {@code FunctionFacts#callerHolds});
 * one that documents it leaves it to callers outside the tree;</li>
 * <li>in a function whose address is stored (a handler, a callback), entered
 * with nothing known, or in a hook, entered with what the VFS gives it;</li>
 * <li>in a function that goes without the protection even when its own caller
 * holds {@code ->file_lock} (it drops the lock before the read or the call);</li>
 * <li>in a function that is not static and documents nothing, when one of its
 * callers does not meet the precondition: any file may call it, so it answers
 * for what it leaves unsaid. A static helper, or one that documents the
 * precondition, leaves it to its callers.</li>
 * </ul>
 *
 * <p>The finding is at the read when the reader is such a function, and at the
 * call site otherwise, with the chain of calls down to the read. Each call site
 * is judged on its own: callers that protect in different ways (one under RCU,
 * one with the lock) all meet the precondition.
 *
 * <p>Callers are followed {@link Sections#CALLER_LEVELS} levels up, the rule's
 * {@code Scope}. A caller that far above a read gets the benefit of the doubt
 * for its own callers (which a sliced run does not parse), and is judged only
 * on what it does itself: a read whose unprotected caller is that far up is
 * not reported. Following one more level would parse eight times as many
 * files of a kernel tree.
 */
final class Preconditions {

    /** Receives a broken requirement: where, in which function, what, and the chain down to the read. */
    interface Sink {
        void report(Location at, FunctionFacts in, String message, List<ChainStep> chain);
    }

    /** What the reads of one function ask of its entry: the reads left unprotected from an entry. */
    interface Reads {
        Map<Location, String> unprotected(FunctionFacts f, Sections.Ctx entry);
    }

    private final Sections sections;
    private final Reads reads;
    private final Sink sink;

    Preconditions(Sections sections, Reads reads, Sink sink) {
        this.sections = sections;
        this.reads = reads;
        this.sink = sink;
    }

    /** What a function needs its entry to give, so that the reads below it are protected. */
    private abstract class Need {
        final FunctionFacts function;
        private final Map<Sections.Ctx, Boolean> met = new HashMap<>();

        Need(FunctionFacts function) {
            this.function = function;
        }

        boolean met(Sections.Ctx entry) {
            Boolean known = met.get(entry);
            if (known == null) {
                known = failures(entry).isEmpty();
                met.put(entry, known);
            }
            return known;
        }

        /** The places in this function where the reads below go unprotected, from {@code entry}. */
        abstract Map<Location, String> failures(Sections.Ctx entry);

        /** The steps from the first failure here down to the read. */
        abstract List<ChainStep> explain(Sections.Ctx entry);

        /** The reader at the bottom. */
        abstract ReadNeed reader();
    }

    private final class ReadNeed extends Need {
        ReadNeed(FunctionFacts reader) {
            super(reader);
        }

        @Override
        Map<Location, String> failures(Sections.Ctx entry) {
            return reads.unprotected(function, sections.closed(function, entry));
        }

        @Override
        List<ChainStep> explain(Sections.Ctx entry) {
            Map.Entry<Location, String> first = firstOf(failures(entry));
            return first == null ? List.of()
                    : List.of(new ChainStep(first.getKey(), function.name() + "(): " + first.getValue()));
        }

        @Override
        ReadNeed reader() {
            return this;
        }
    }

    /** A caller's need: every call it makes of {@code callee} passes what the callee needs. */
    private final class CallNeed extends Need {
        final Need callee;

        CallNeed(FunctionFacts caller, Need callee) {
            super(caller);
            this.callee = callee;
        }

        /** The failing calls of the callee, with what each passes. */
        private Map<Location, Sections.Ctx> failing(Sections.Ctx entry) {
            Map<Location, Sections.Ctx> out = new TreeMap<>(ORDER);
            sections.solve(function, sections.closed(function, entry)).events((before, event) -> {
                if (event instanceof Cfg.Call c && sections.calls(function, c.call(), callee.function)) {
                    Sections.Ctx passed = Sections.into(before, c.call(), callee.function);
                    if (!callee.met(passed)) {
                        out.putIfAbsent(c.location(), passed);
                    }
                }
            });
            return out;
        }

        @Override
        Map<Location, String> failures(Sections.Ctx entry) {
            Map<Location, String> out = new TreeMap<>(ORDER);
            failing(entry).keySet().forEach(at -> out.put(at, ""));
            return out;
        }

        @Override
        List<ChainStep> explain(Sections.Ctx entry) {
            Map.Entry<Location, Sections.Ctx> first = firstOf(failing(entry));
            if (first == null) {
                return List.of();
            }
            List<ChainStep> steps = new ArrayList<>();
            steps.add(new ChainStep(first.getKey(), function.name() + "() calls " + callee.function.name() + "()"));
            steps.addAll(callee.explain(first.getValue()));
            return steps;
        }

        @Override
        ReadNeed reader() {
            return callee.reader();
        }
    }

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line).thenComparingInt(Location::column);

    private static <V> Map.Entry<Location, V> firstOf(Map<Location, V> m) {
        return m.isEmpty() ? null : m.entrySet().iterator().next();
    }

    /** Checks the reads of {@code reader} against its callers. */
    void check(FunctionFacts reader) {
        check(new ReadNeed(reader), 0, true);
    }

    /**
     * Pushes {@code need} up from {@code need.function}, {@code level} callers above the read;
     * reports where it breaks when {@code report}. Whether it holds.
     */
    private boolean check(Need need, int level, boolean report) {
        FunctionFacts g = need.function;
        String name = g.name() + "()";
        String itself = name + " goes without it even when its own caller holds ->file_lock";
        if (sections.isHook(g)) {
            return !breaks(need, Sections.Ctx.HOOK, name + " is a hook, entered with only what the VFS gives it", report);
        }
        if (sections.isBound(g)) {
            return !breaks(need, Sections.Ctx.NONE, name + " is called through a pointer, by callers not known", report);
        }
        if (level >= Sections.CALLER_LEVELS) {
            // its callers are beyond the rule's reach: only what it does itself counts
            return !breaks(need, Sections.Ctx.CALLER_HOLDS, itself, report);
        }
        boolean documented = FdTableMatchers.documentsProtection(g);
        List<FunctionFacts> callers = sections.otherCallers(g);
        if (callers.isEmpty()) {
            return documented ? !breaks(need, Sections.Ctx.CALLER_HOLDS, itself, report)
                    : !breaks(need, Sections.Ctx.NONE, "nothing calls " + name + " and it documents no such precondition",
                    report);
        }
        if (breaks(need, Sections.Ctx.CALLER_HOLDS, itself, report)) {
            return false;
        }
        // A static helper's callers are all in sight, and a documented precondition is the caller's
        // to meet: their callers answer for it. A function any other file may call, which says
        // nothing, answers for it itself when a caller does not meet it.
        boolean passesUp = g.isStatic() || documented;
        boolean holds = true;
        for (FunctionFacts caller : callers) {
            if (caller.cfg().available()) {
                holds &= check(new CallNeed(caller, need), level + 1, report && passesUp);
                if (!holds && !passesUp) {
                    break;
                }
            }
        }
        if (!holds && !passesUp) {
            breaks(need, Sections.Ctx.NONE, name + " is not static, documents no such precondition, and some of its "
                    + "callers hold neither", report);
        }
        return holds;
    }

    /** Reports where {@code need} fails from {@code entry}, when {@code report}; whether it does. */
    private boolean breaks(Need need, Sections.Ctx entry, String why, boolean report) {
        if (need.met(entry)) {
            return false;
        }
        if (!report) {
            return true;
        }
        FunctionFacts g = need.function;
        if (need instanceof ReadNeed) {
            need.failures(entry).forEach((at, message) -> sink.report(at, g, g.name() + "(): " + message, List.of()));
            return true;
        }
        CallNeed call = (CallNeed) need;
        FunctionFacts reader = need.reader().function;
        List<ChainStep> steps = new ArrayList<>();
        steps.add(new ChainStep(g.location(), g.name() + "() is the entry point"));
        steps.addAll(need.explain(entry));
        String callee = call.callee.function.name() + "()";
        for (Location at : call.failing(entry).keySet()) {
            sink.report(at, g, g.name() + "(): calls " + callee + " with neither rcu_read_lock() nor ->file_lock"
                    + " held, and " + callee + (reader == call.callee.function ? "" : " through " + reader.name() + "()")
                    + " reads the fd table, leaving that protection to its callers: " + why, steps);
        }
        return true;
    }
}
