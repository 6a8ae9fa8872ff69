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
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Turns a whole tree's program into kernel-database facts (docs/kernel-db.md): for every
 * function with external linkage, what {@link DerivedEffects} says it does, with the first step
 * of the way there as reason. A name defined more than once (per architecture, per
 * configuration) gets the union of its definitions' effects, each with the least reason.
 */
public final class Derivation {

    private final UnaryOperator<String> paths;

    /** @param paths turns a fact's file name into the one the database records (relative to the tree root) */
    public Derivation(UnaryOperator<String> paths) {
        this.paths = paths;
    }

    public List<DerivedFact> derive(CallGraph graph, KnowledgeBase kb) {
        Map<String, DerivedEffects.Effects> effects = new DerivedEffects(graph, kb).compute();
        SortedMap<String, Map<String, Choice>> byName = new TreeMap<>();
        for (FunctionFacts f : graph.program().functions()) {
            DerivedEffects.Effects e = effects.get(f.id());
            if (f.isStatic() || e == null) {
                continue;
            }
            Map<String, Choice> facts = byName.computeIfAbsent(f.name(), k -> new HashMap<>());
            always(e, EffectKind.SLEEP).ifPresent(s -> offer(facts, FunctionAttribute.SLEEPS.key(), "true", s));
            always(e, EffectKind.CURRENT_FILES).ifPresent(s -> offer(facts, FunctionAttribute.USES.key(),
                    Use.CURRENT_FILES.key(), s));
            always(e, EffectKind.CURRENT_MM).ifPresent(s -> offer(facts, FunctionAttribute.USES.key(),
                    Use.CURRENT_MM.key(), s));
            always(e, EffectKind.FILE_LOCK).ifPresent(s -> offer(facts, FunctionAttribute.TAKES_FILE_LOCK.key(),
                    "true", s));
            firstParam(e, EffectKind.SLEEP, facts, FunctionAttribute.GFP_ARG.key());
            firstParam(e, EffectKind.OOB_FREE, facts, FunctionAttribute.FREES_ARG.key());
        }
        List<DerivedFact> out = new ArrayList<>();
        byName.forEach((name, facts) -> {
            if (facts.containsKey(FunctionAttribute.SLEEPS.key())) {
                facts.remove(FunctionAttribute.GFP_ARG.key()); // sleeps whatever the mask
            }
            facts.values().forEach(c -> out.add(new DerivedFact(name, c.attribute, c.value, reason(c.step))));
        });
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
                (a, b) -> DerivedEffects.Step.ORDER.compare(a.step, b.step) <= 0 ? a : b);
    }

    private String reason(DerivedEffects.Step step) {
        return step.text() + " at " + paths.apply(step.location().file()) + ":" + step.location().line();
    }

    private record Choice(String attribute, String value, DerivedEffects.Step step) {
    }
}
