package io.github.dovelint.summary;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The effects of every function of a program, compact enough for a whole kernel: per effect
 * kind, whether it happens always or only through one of the function's parameters (a GFP
 * mask, an object it frees), each with one reason, the first step of a way there. The same
 * local effects and condition translation as {@link Summaries}, but computed for all functions
 * at once, keeping one reason per condition instead of every site reached, and following only
 * calls whose callee is known exactly ({@link CallGraph#exactTargets}): a call through a
 * function pointer or a struct member never makes its caller sleep
 * (docs/kernel-db.md#function-pointers); a call to a name defined more than once gets only what
 * every definition does (docs/kernel-db.md#alternatives).
 */
public final class DerivedEffects {

    /** The kinds a kernel database records. */
    public static final Set<EffectKind> KINDS = Collections.unmodifiableSet(EnumSet.of(EffectKind.SLEEP,
            EffectKind.CURRENT_FILES, EffectKind.CURRENT_MM, EffectKind.FILE_LOCK, EffectKind.OOB_FREE));

    private static final int MAX_CONDITIONS = 8;
    /** A function whose state keeps changing after this many evaluations is left as it stands. */
    private static final int MAX_EVALUATIONS = 64;

    /**
     * One reason: the first step from a function towards an effect.
     *
     * @param location the call or use in the function
     * @param text     what happens there ({@code calls mutex_lock()})
     * @param callee   the id of the callee the effect comes through, null when direct
     * @param via      the callee's condition this step stands for, null when direct
     * @param depth    the calls from the function down to the body that has the effect: 0 when the
     *                 effect is in the function's own body
     */
    public record Step(Location location, String text, String callee, Cond via, int depth) {
        /** True when the effect is in the function's own body, false through a callee. */
        public boolean direct() {
            return depth == 0;
        }

        /**
         * The shortest way first (an own-body step, then a call to a function whose own body has
         * it: {@code calls mutex_lock()} before {@code calls __bch2_new_inode()}), then by location
         * and text.
         */
        public static final Comparator<Step> ORDER = Comparator.comparingInt(Step::depth)
                .thenComparing(Step::location).thenComparing(Step::text);

        /** The first of two reasons in {@link #ORDER}: the one a fact keeps. */
        public static Step least(Step a, Step b) {
            return ORDER.compare(a, b) <= 0 ? a : b;
        }
    }

    /**
     * What a function does.
     *
     * @param always  per kind, the reason it happens whatever the arguments
     * @param byParam per kind, per parameter index, the reason it happens depending on that
     *                parameter (a GFP mask allowing direct reclaim; the object freed)
     */
    public record Effects(Map<EffectKind, Step> always, Map<EffectKind, SortedMap<Integer, Step>> byParam) {
        public boolean isEmpty() {
            return always.isEmpty() && byParam.isEmpty();
        }
    }

    private final CallGraph graph;
    private final GfpEvaluator gfp;
    private final LocalEffects local;
    private Map<String, Map<EffectKind, Map<Cond, Step>>> state = Map.of();
    /** Each function's mask guards and NULL tests, found once. */
    private final Map<String, Guards> guards = new HashMap<>();

    public DerivedEffects(CallGraph graph, KnowledgeBase kb) {
        this.graph = graph;
        this.gfp = new GfpEvaluator(kb.gfp(), graph.program()::globalValues);
        this.local = new LocalEffects(kb, gfp, graph, true);
    }

    /** The effects of every function of the program that has any, keyed by function id. */
    public Map<String, Effects> compute() {
        List<FunctionFacts> all = new ArrayList<>(graph.program().functions());
        all.sort(Comparator.comparing(FunctionFacts::id));
        Map<String, Map<EffectKind, Map<Cond, Step>>> locals = new HashMap<>();
        Map<String, List<FunctionFacts>> callees = new HashMap<>();
        Map<String, Set<FunctionFacts>> callers = new HashMap<>();
        for (FunctionFacts f : all) {
            locals.put(f.id(), localOf(f));
            List<FunctionFacts> called = new ArrayList<>();
            for (CallFact c : f.calls()) {
                called.addAll(descend(f, c));
            }
            callees.put(f.id(), called);
            for (FunctionFacts g : called) {
                // by identity: a record's hash walks its whole body, for every call of a kernel
                callers.computeIfAbsent(g.id(), k -> Collections.newSetFromMap(new java.util.IdentityHashMap<>()))
                        .add(f);
            }
        }
        Map<String, Map<EffectKind, Map<Cond, Step>>> state = new HashMap<>();
        this.state = state;
        // the work list by rank in callee-first order: a function waits for its callees' changes
        List<FunctionFacts> order = calleesFirst(all, callees);
        int[] evaluations = new int[order.size()];
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i).id(), i);
        }
        java.util.BitSet queued = new java.util.BitSet(order.size());
        queued.set(0, order.size());
        for (int i = queued.nextSetBit(0); i >= 0; i = queued.nextSetBit(0)) {
            queued.clear(i);
            FunctionFacts f = order.get(i);
            if (++evaluations[i] > MAX_EVALUATIONS) {
                continue;
            }
            Map<EffectKind, Map<Cond, Step>> next = evaluate(f, locals.get(f.id()), state);
            if (!next.equals(state.getOrDefault(f.id(), Map.of()))) {
                state.put(f.id(), next);
                for (FunctionFacts caller : callers.getOrDefault(f.id(), Set.of())) {
                    queued.set(rank.get(caller.id()));
                }
            }
        }
        Map<String, Effects> out = new TreeMap<>();
        state.forEach((id, s) -> {
            Effects e = effects(s);
            if (!e.isEmpty()) {
                out.put(id, e);
            }
        });
        return out;
    }

    /**
     * The functions in depth-first post-order over their calls: callees before their callers,
     * so that the work list evaluates most functions once, after everything they call; only
     * recursion makes it come back (a whole kernel: about as many evaluations as functions).
     */
    private static List<FunctionFacts> calleesFirst(List<FunctionFacts> all,
                                                    Map<String, List<FunctionFacts>> callees) {
        List<FunctionFacts> out = new ArrayList<>(all.size());
        Set<String> seen = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        for (FunctionFacts root : all) {
            if (!seen.add(root.id())) {
                continue;
            }
            stack.push(new Frame(root, callees.get(root.id()).iterator()));
            while (!stack.isEmpty()) {
                Frame top = stack.peek();
                if (top.next().hasNext()) {
                    FunctionFacts g = top.next().next();
                    if (seen.add(g.id())) {
                        stack.push(new Frame(g, callees.get(g.id()).iterator()));
                    }
                } else {
                    out.add(stack.pop().function());
                }
            }
        }
        return out;
    }

    /** A function of the depth-first walk, and the callees it has yet to visit. */
    private record Frame(FunctionFacts function, Iterator<FunctionFacts> next) {
    }

    /**
     * The whole way from a function to an effect that happens whatever its arguments, one step
     * per function down to the one whose own body has it (after {@link #compute()}); empty when
     * the function has no such effect. {@code kb derive --why} prints it
     * (docs/kernel-db.md#why).
     */
    public List<Step> chain(String id, EffectKind kind) {
        List<Step> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Step step = recorded(state.getOrDefault(id, Map.of()).getOrDefault(kind, Map.of()));
        while (step != null && seen.add(id)) {
            out.add(step);
            if (step.direct()) {
                break;
            }
            id = step.callee();
            step = stepOf(id, kind, step.via());
        }
        return out;
    }

    /**
     * The reason a database records for an effect: the first, in {@link Step#ORDER}, of the steps
     * under which it happens whatever the caller's arguments ({@link Cond#atEntry()}: always, or
     * unless a pointer is NULL, which the format cannot say); null when there is none.
     */
    private static Step recorded(Map<Cond, Step> conds) {
        Step out = null;
        for (Map.Entry<Cond, Step> e : conds.entrySet()) {
            if (e.getKey().atEntry()) {
                out = out == null ? e.getValue() : Step.least(out, e.getValue());
            }
        }
        return out;
    }

    private Step stepOf(String id, EffectKind kind, Cond cond) {
        return state.getOrDefault(id, Map.of()).getOrDefault(kind, Map.of()).get(cond);
    }

    /** The definitions a call descends into: exactly known callees the knowledge base does not describe. */
    private List<FunctionFacts> descend(FunctionFacts caller, CallFact call) {
        List<FunctionFacts> out = new ArrayList<>();
        for (Target t : local.targets(caller, call)) {
            if (t.definition() != null && local.spec(t).isEmpty()) {
                out.add(t.definition());
            }
        }
        return out;
    }

    /**
     * {@code f}'s own effects, each site under its guards before sites merge: of a sleep behind
     * {@code if (dev)} and another in the {@code else}, the second is unconditional whichever
     * comes first in the file.
     */
    private Map<EffectKind, Map<Cond, Step>> localOf(FunctionFacts f) {
        Map<EffectKind, Map<Cond, Step>> out = new EnumMap<>(EffectKind.class);
        Guards guard = guardsOf(f);
        local.of(f).forEach((site, conds) -> {
            if (!KINDS.contains(site.kind())) {
                return;
            }
            String text = site.callee() != null ? "calls " + site.callee() + "()" : site.description();
            Step step = new Step(site.location(), text, null, null, 0);
            for (Cond c : conds) {
                offer(out, guard, site.kind(), c, step);
            }
        });
        return out;
    }

    private Guards guardsOf(FunctionFacts f) {
        return guards.computeIfAbsent(f.id(), k -> Guards.of(f, gfp));
    }

    private Map<EffectKind, Map<Cond, Step>> evaluate(FunctionFacts f, Map<EffectKind, Map<Cond, Step>> own,
                                                      Map<String, Map<EffectKind, Map<Cond, Step>>> state) {
        Map<EffectKind, Map<Cond, Step>> out = new EnumMap<>(EffectKind.class);
        Guards guard = guardsOf(f);
        own.forEach((kind, conds) -> conds.forEach((c, s) -> offer(out, kind, c, s))); // guarded by localOf
        for (CallFact call : f.calls()) {
            Map<EffectKind, Map<Cond, Step>> shared = null;
            for (FunctionFacts g : descend(f, call)) {
                Map<EffectKind, Map<Cond, Step>> through = through(f, call, g, state.get(g.id()));
                shared = shared == null ? through : common(shared, through);
            }
            if (shared != null) {
                shared.forEach((kind, conds) -> conds.forEach((c, s) -> offer(out, guard, kind, c, s)));
            }
        }
        out.replaceAll((kind, conds) -> bounded(conds));
        // A fact's reason changes only for a shorter one: a step's callee had the fact at a
        // smaller depth when the step was made, and depths only decrease, so following reasons
        // always ends in a body (chain()), even through recursion.
        Map<EffectKind, Map<Cond, Step>> before = state.getOrDefault(f.id(), Map.of());
        out.forEach((kind, conds) -> conds.replaceAll((c, step) -> {
            Step old = before.getOrDefault(kind, Map.of()).get(c);
            return old == null ? step : Step.least(old, step);
        }));
        return out;
    }

    /** What {@code f} gets from {@code g}'s effects through one call, in {@code f}'s terms. */
    private Map<EffectKind, Map<Cond, Step>> through(FunctionFacts f, CallFact call, FunctionFacts g,
                                                     Map<EffectKind, Map<Cond, Step>> callee) {
        Map<EffectKind, Map<Cond, Step>> out = new EnumMap<>(EffectKind.class);
        if (callee == null) {
            return out;
        }
        callee.forEach((kind, conds) -> {
            for (Map.Entry<Cond, Step> e : conds.entrySet()) {
                Cond c = e.getKey();
                Step step = new Step(call.location(), "calls " + g.name() + "()", g.id(), c,
                        e.getValue().depth() + 1);
                for (Cond t : Summaries.translate(gfp, local, c, f, call)) {
                    offer(out, kind, t, step);
                }
            }
        });
        return out;
    }

    /**
     * What two alternative definitions of one name both do (docs/kernel-db.md#alternatives):
     * a build links one of them, so only an effect under the same condition in both is sure.
     */
    private static Map<EffectKind, Map<Cond, Step>> common(Map<EffectKind, Map<Cond, Step>> a,
                                                           Map<EffectKind, Map<Cond, Step>> b) {
        Map<EffectKind, Map<Cond, Step>> out = new EnumMap<>(EffectKind.class);
        meet(a, b, out);
        meet(b, a, out);
        return out;
    }

    /** The effects of {@code a} that {@code b} has too, under the same condition or always. */
    private static void meet(Map<EffectKind, Map<Cond, Step>> a, Map<EffectKind, Map<Cond, Step>> b,
                             Map<EffectKind, Map<Cond, Step>> out) {
        a.forEach((kind, conds) -> {
            Map<Cond, Step> other = b.getOrDefault(kind, Map.of());
            conds.forEach((c, s) -> {
                Step t = other.containsKey(c) ? other.get(c) : other.get(Cond.ALWAYS);
                if (t != null) {
                    offer(out, kind, c, Step.least(s, t));
                }
            });
        });
    }

    /**
     * {@link #offer}, where a sleep at a call that runs only when a parameter's mask allows
     * blocking happens only then (docs/kernel-db.md#masks), and an effect behind a NULL test of a
     * parameter only when it is not NULL (docs/kernel-db.md#null-arguments).
     */
    private static void offer(Map<EffectKind, Map<Cond, Step>> out, Guards guard, EffectKind kind,
                              Cond c, Step step) {
        for (Cond guarded : guard.at(step.location(), kind, c)) {
            offer(out, kind, guarded, step);
        }
    }

    private static void offer(Map<EffectKind, Map<Cond, Step>> out, EffectKind kind, Cond c, Step step) {
        out.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .merge(c, step, Step::least);
    }

    /** The unconditional entry and at most {@value #MAX_CONDITIONS} others, in a fixed order. */
    private static Map<Cond, Step> bounded(Map<Cond, Step> conds) {
        List<Cond> sorted = new ArrayList<>(conds.keySet());
        sorted.sort(Comparator.comparing((Cond c) -> !c.isAlways()).thenComparingInt(Cond::param)
                .thenComparing(Cond::toString));
        Map<Cond, Step> out = new LinkedHashMap<>();
        int others = 0;
        for (Cond c : sorted) {
            if (c.isAlways() || others++ < MAX_CONDITIONS) {
                out.put(c, conds.get(c));
            }
        }
        return out;
    }

    private static Effects effects(Map<EffectKind, Map<Cond, Step>> s) {
        Map<EffectKind, Step> always = new EnumMap<>(EffectKind.class);
        Map<EffectKind, SortedMap<Integer, Step>> byParam = new EnumMap<>(EffectKind.class);
        s.forEach((kind, conds) -> {
            Step step = recorded(conds);
            if (step != null) {
                always.put(kind, step);
            }
            conds.forEach((c, st) -> {
                if (!c.atEntry() && c.param() >= 0) {
                    byParam.computeIfAbsent(kind, k -> new TreeMap<>()).merge(c.param(), st, Step::least);
                }
            });
        });
        return new Effects(Collections.unmodifiableMap(always), Collections.unmodifiableMap(byParam));
    }
}
