package io.github.dovelint.kerneldb;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Use;
import io.github.dovelint.summary.DerivedEffects;
import io.github.dovelint.summary.EffectKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns a whole tree's program into kernel-database facts (docs/kernel-db.md): for every
 * function with external linkage, what {@link DerivedEffects} says it does, with the first step
 * of the way there as reason. A name defined more than once (per architecture, per
 * configuration) gets what all its definitions do, each with the least reason.
 */
public final class Derivation {

    private final UnaryOperator<String> paths;

    /** @param paths turns a fact's file name into the one the database records (relative to the tree root) */
    public Derivation(UnaryOperator<String> paths) {
        this.paths = paths;
    }

    public List<DerivedFact> derive(CallGraph graph, KnowledgeBase kb) {
        return derive(graph, kb, Set.of(), line -> { });
    }

    /**
     * As {@link #derive(CallGraph, KnowledgeBase)}, and for every definition of a function named
     * in {@code why}, each way it gets an unconditional effect, step by step down to the body
     * that has it, one line each to {@code explain} (docs/kernel-db.md#why).
     */
    public List<DerivedFact> derive(CallGraph graph, KnowledgeBase kb, Set<String> why, Consumer<String> explain) {
        DerivedEffects derived = new DerivedEffects(graph, kb);
        Map<String, DerivedEffects.Effects> effects = derived.compute();
        for (FunctionFacts f : graph.program().functions()) {
            if (why.contains(f.name())) {
                explain(derived, f, explain);
            }
        }
        SortedMap<String, List<FunctionFacts>> byName = new TreeMap<>();
        for (FunctionFacts f : graph.program().functions()) {
            if (!f.isStatic()) {
                byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
            }
        }
        SortedMap<String, Map<String, Choice>> factsByName = new TreeMap<>();
        OobWriters oob = OobWriters.of(graph, kb);
        byName.forEach((name, definitions) -> {
            Map<String, Choice> shared = null;
            for (FunctionFacts f : definitions) {
                Map<String, Choice> facts = factsOf(effects.get(f.id()));
                oobWrites(oob, f, facts);
                shared = shared == null ? facts : common(shared, facts);
            }
            pairTaskUses(shared);
            if (!shared.isEmpty()) {
                factsByName.put(name, shared);
            }
        });
        List<DerivedFact> out = new ArrayList<>();
        factsByName.forEach((name, facts) -> {
            if (facts.containsKey(FunctionAttribute.SLEEPS.key())) {
                facts.remove(FunctionAttribute.GFP_ARG.key()); // sleeps whatever the mask
            }
            facts.values().forEach(c -> out.add(new DerivedFact(name, c.attribute, c.value, reason(c.step))));
        });
        return out;
    }

    private void explain(DerivedEffects derived, FunctionFacts f, Consumer<String> explain) {
        String where = paths.apply(f.location().file()) + ":" + f.location().line();
        boolean any = false;
        for (EffectKind kind : DerivedEffects.KINDS) {
            List<DerivedEffects.Step> chain = derived.chain(f.id(), kind);
            if (chain.isEmpty()) {
                continue;
            }
            any = true;
            StringBuilder line = new StringBuilder(f.name()).append(" (").append(where).append(") ")
                    .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append(':');
            for (DerivedEffects.Step s : chain) {
                line.append("\n    ").append(reason(s));
            }
            explain.accept(line.toString());
        }
        if (!any) {
            explain.accept(f.name() + " (" + where + "): no effect whatever the arguments");
        }
    }

    /** One definition's facts, keyed as {@link #offer} keys them. */
    private static Map<String, Choice> factsOf(DerivedEffects.Effects e) {
        Map<String, Choice> facts = new HashMap<>();
        if (e == null) {
            return facts;
        }
        always(e, EffectKind.SLEEP).ifPresent(s -> offer(facts, FunctionAttribute.SLEEPS.key(), "true", s));
        always(e, EffectKind.CURRENT_FILES).ifPresent(s -> offer(facts, FunctionAttribute.USES.key(),
                Use.CURRENT_FILES.key(), s));
        always(e, EffectKind.CURRENT_MM).ifPresent(s -> offer(facts, FunctionAttribute.USES.key(),
                Use.CURRENT_MM.key(), s));
        always(e, EffectKind.FILE_LOCK).ifPresent(s -> offer(facts, FunctionAttribute.TAKES_FILE_LOCK.key(),
                "true", s));
        firstParam(e, EffectKind.SLEEP, facts, FunctionAttribute.GFP_ARG.key());
        firstParam(e, EffectKind.OOB_FREE, facts, FunctionAttribute.FREES_ARG.key());
        taskUses(e, facts);
        return facts;
    }

    /** The file parameter whose oob pointer {@code f} sets or clears (docs/kernel-db.md#oob-pointer). */
    private static void oobWrites(OobWriters oob, FunctionFacts f, Map<String, Choice> facts) {
        OobWriters.Found sets = oob.of(OobWriters.Write.SETS, f);
        if (sets != null) {
            offer(facts, FunctionAttribute.SETS_OOB.key(), String.valueOf(sets.param()), sets.step());
        }
        OobWriters.Found clears = oob.of(OobWriters.Write.CLEARS, f);
        if (clears != null) {
            offer(facts, FunctionAttribute.CLEARS_OOB.key(), String.valueOf(clears.param()), clears.step());
        }
    }

    /**
     * The files or mm of the task a parameter gives (docs/kernel-db.md#task-arguments): the task
     * argument is the first such parameter, as an entry has one; a kind the function uses of
     * {@code current} whatever its arguments needs no task.
     */
    private static void taskUses(DerivedEffects.Effects e, Map<String, Choice> facts) {
        int task = Integer.MAX_VALUE;
        for (EffectKind kind : List.of(EffectKind.CURRENT_FILES, EffectKind.CURRENT_MM)) {
            SortedMap<Integer, DerivedEffects.Step> params = e.byParam().get(kind);
            if (params != null && !params.isEmpty() && !e.always().containsKey(kind)) {
                task = Math.min(task, params.firstKey());
            }
        }
        if (task == Integer.MAX_VALUE) {
            return;
        }
        DerivedEffects.Step first = null;
        for (EffectKind kind : List.of(EffectKind.CURRENT_FILES, EffectKind.CURRENT_MM)) {
            SortedMap<Integer, DerivedEffects.Step> params = e.byParam().get(kind);
            DerivedEffects.Step step = params == null || e.always().containsKey(kind) ? null : params.get(task);
            if (step != null) {
                Use use = kind == EffectKind.CURRENT_FILES ? Use.TASK_FILES : Use.TASK_MM;
                offer(facts, FunctionAttribute.USES.key(), use.key(), step);
                first = first == null ? step : DerivedEffects.Step.least(first, step);
            }
        }
        offer(facts, FunctionAttribute.TASK_ARG.key(), String.valueOf(task), first);
    }

    /**
     * An entry's task uses and its task argument go together: what two definitions share of one
     * but not of the other (another task parameter) is dropped.
     */
    private static void pairTaskUses(Map<String, Choice> facts) {
        boolean uses = facts.keySet().stream().anyMatch(k -> k.equals(usesKey(Use.TASK_FILES))
                || k.equals(usesKey(Use.TASK_MM)));
        boolean arg = facts.containsKey(FunctionAttribute.TASK_ARG.key());
        if (uses != arg) {
            facts.remove(usesKey(Use.TASK_FILES));
            facts.remove(usesKey(Use.TASK_MM));
            facts.remove(FunctionAttribute.TASK_ARG.key());
        }
    }

    private static String usesKey(Use use) {
        return FunctionAttribute.USES.key() + "=" + use.key();
    }

    /**
     * What two definitions of one name (per architecture, per configuration) both do
     * (docs/kernel-db.md#alternatives): the same fact with the same value, the least reason; a
     * definition that sleeps whatever the mask counts as sleeping with the other's mask.
     */
    private static Map<String, Choice> common(Map<String, Choice> a, Map<String, Choice> b) {
        Map<String, Choice> out = new HashMap<>();
        a.forEach((key, x) -> {
            Choice y = b.get(key);
            if (y == null && key.equals(FunctionAttribute.GFP_ARG.key())) {
                y = b.containsKey(FunctionAttribute.SLEEPS.key()) ? x : null;
            }
            if (y != null && y.value.equals(x.value)) {
                out.put(key, DerivedEffects.Step.least(x.step, y.step) == x.step ? x : y);
            }
        });
        Choice gfpOfB = b.get(FunctionAttribute.GFP_ARG.key());
        if (gfpOfB != null && !a.containsKey(FunctionAttribute.GFP_ARG.key())
                && a.containsKey(FunctionAttribute.SLEEPS.key())) {
            out.put(gfpOfB.attribute, gfpOfB);
        }
        return out;
    }

    private static java.util.Optional<DerivedEffects.Step> always(DerivedEffects.Effects e, EffectKind kind) {
        return java.util.Optional.ofNullable(e.always().get(kind));
    }

    private static void firstParam(DerivedEffects.Effects e, EffectKind kind, Map<String, Choice> facts,
                                   String attribute) {
        SortedMap<Integer, DerivedEffects.Step> params = e.byParam().get(kind);
        if (params == null || params.isEmpty()) {
            return;
        }
        int param = params.firstKey();
        Choice existing = facts.get(attribute);
        if (existing == null || Integer.parseInt(existing.value) > param) {
            facts.put(attribute, new Choice(attribute, String.valueOf(param), params.get(param)));
        } else if (Integer.parseInt(existing.value) == param) {
            offer(facts, attribute, existing.value, params.get(param));
        }
    }

    /** Keeps, per attribute and value, the least reason; {@code uses} values are keyed apart. */
    private static void offer(Map<String, Choice> facts, String attribute, String value, DerivedEffects.Step step) {
        String key = attribute.equals(FunctionAttribute.USES.key()) ? attribute + "=" + value : attribute;
        facts.merge(key, new Choice(attribute, value, step),
                (a, b) -> DerivedEffects.Step.least(a.step, b.step) == a.step ? a : b);
    }

    private String reason(DerivedEffects.Step step) {
        return step.text() + " at " + paths.apply(step.location().file()) + ":" + step.location().line();
    }

    private record Choice(String attribute, String value, DerivedEffects.Step step) {
    }
}
