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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * (docs/kernel-db.md#function-pointers).
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
     * @param direct   true when the effect is in the function's own body, false through a callee
     */
    public record Step(Location location, String text, boolean direct) {
        /** Own-body steps first, then by location and text. */
        public static final Comparator<Step> ORDER = Comparator.comparing((Step s) -> !s.direct())
                .thenComparing(Step::location).thenComparing(Step::text);
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
        Map<String, Set<FunctionFacts>> callers = new HashMap<>();
        for (FunctionFacts f : all) {
            locals.put(f.id(), localOf(f));
            for (CallFact c : f.calls()) {
                for (FunctionFacts g : descend(f, c)) {
                    callers.computeIfAbsent(g.id(), k -> new LinkedHashSet<>()).add(f);
                }
            }
        }
        Map<String, Map<EffectKind, Map<Cond, Step>>> state = new HashMap<>();
        Map<String, Integer> evaluations = new HashMap<>();
        Deque<FunctionFacts> queue = new ArrayDeque<>(all);
        Set<String> queued = new HashSet<>();
        all.forEach(f -> queued.add(f.id()));
        while (!queue.isEmpty()) {
            FunctionFacts f = queue.poll();
            queued.remove(f.id());
            if (evaluations.merge(f.id(), 1, Integer::sum) > MAX_EVALUATIONS) {
                continue;
            }
            Map<EffectKind, Map<Cond, Step>> next = evaluate(f, locals.get(f.id()), state);
            if (!next.equals(state.getOrDefault(f.id(), Map.of()))) {
                state.put(f.id(), next);
                for (FunctionFacts caller : callers.getOrDefault(f.id(), Set.of())) {
                    if (queued.add(caller.id())) {
                        queue.add(caller);
                    }
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

    private Map<EffectKind, Map<Cond, Step>> localOf(FunctionFacts f) {
        Map<EffectKind, Map<Cond, Step>> out = new EnumMap<>(EffectKind.class);
        local.of(f).forEach((site, conds) -> {
            if (!KINDS.contains(site.kind())) {
                return;
            }
            String text = site.callee() != null ? "calls " + site.callee() + "()" : site.description();
            Step step = new Step(site.location(), text, true);
            for (Cond c : conds) {
                offer(out, site.kind(), c, step);
            }
        });
        return out;
    }

    private Map<EffectKind, Map<Cond, Step>> evaluate(FunctionFacts f, Map<EffectKind, Map<Cond, Step>> own,
                                                      Map<String, Map<EffectKind, Map<Cond, Step>>> state) {
        Map<EffectKind, Map<Cond, Step>> out = new EnumMap<>(EffectKind.class);
        own.forEach((kind, conds) -> conds.forEach((c, s) -> offer(out, kind, c, s)));
        for (CallFact call : f.calls()) {
            for (FunctionFacts g : descend(f, call)) {
                Map<EffectKind, Map<Cond, Step>> callee = state.get(g.id());
                if (callee == null) {
                    continue;
                }
                Step step = new Step(call.location(), "calls " + g.name() + "()", false);
                callee.forEach((kind, conds) -> {
                    for (Cond c : conds.keySet()) {
                        for (Cond t : Summaries.translate(gfp, local, c, f, call)) {
                            offer(out, kind, t, step);
                        }
                    }
                });
            }
        }
        out.replaceAll((kind, conds) -> bounded(conds));
        return out;
    }

    private static void offer(Map<EffectKind, Map<Cond, Step>> out, EffectKind kind, Cond c, Step step) {
        out.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .merge(c, step, (a, b) -> Step.ORDER.compare(a, b) <= 0 ? a : b);
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
        s.forEach((kind, conds) -> conds.forEach((c, step) -> {
            if (c.isAlways()) {
                always.put(kind, step);
            } else if (c.param() >= 0) {
                byParam.computeIfAbsent(kind, k -> new TreeMap<>())
                        .merge(c.param(), step, (a, b) -> Step.ORDER.compare(a, b) <= 0 ? a : b);
            }
        }));
        return new Effects(Collections.unmodifiableMap(always), Collections.unmodifiableMap(byParam));
    }
}
