package io.github.dovelint.rules;

import io.github.dovelint.callgraph.Program;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.OobAccess;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Dovetail generation(s) whose contracts apply to one program
 * (docs/contracts.md#the-oob-pointer-across-dovetail-generations), decided once here for
 * every rule whose contract differs between generations:
 *
 * <ul>
 *   <li>a pinned profile ({@code profile: f-oob-state}) is the generation;</li>
 *   <li>under {@code profile: auto}, the generation of the oob pointer the code accesses
 *       ({@code oob_data}: 1, {@code f_oob_ctx}: 2, {@code f_oob_state.data}: 3);</li>
 *   <li>when the code accesses several, or none, every generation it may be for: a rule then
 *       reports only what is wrong in all of them (the most permissive contract; precision
 *       first), and says so.</li>
 * </ul>
 *
 * @param candidates the profiles it may be, by generation; one when known; empty when the
 *                   knowledge base names no generation
 * @param used       the oob pointer paths the code accesses, sorted
 * @param pinned     whether the configuration pinned the profile
 */
public record Generation(List<Profile> candidates, Set<String> used, boolean pinned) {

    public Generation {
        candidates = List.copyOf(candidates);
        used = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(used));
    }

    /** The generation of {@code program} under {@code kb}'s active profile. */
    public static Generation of(KnowledgeBase kb, Program program) {
        Set<String> used = new TreeSet<>();
        for (FunctionFacts f : program.functions()) {
            for (OobAccess a : f.oobAccesses()) {
                used.add(a.field());
            }
        }
        Profile active = kb.profile();
        if (!active.isAuto()) {
            return new Generation(List.of(active), used, true);
        }
        List<Profile> all = new ArrayList<>(kb.profiles().values());
        all.sort(Comparator.comparingInt(Profile::generation).thenComparing(Profile::name));
        List<Profile> matching = all.stream()
                .filter(p -> p.oobFields().stream().anyMatch(used::contains)).toList();
        return new Generation(matching.isEmpty() ? all : matching, used, false);
    }

    /** Whether a single generation applies. */
    public boolean isKnown() {
        return candidates.size() == 1;
    }

    /**
     * The in-band calls that use {@code current->files} and that the oob stage may make here:
     * the union over the candidates, so that only what every candidate forbids is reported.
     */
    public Set<String> oobStageAllows() {
        Set<String> out = new LinkedHashSet<>();
        candidates.forEach(p -> out.addAll(p.oobStageAllows()));
        return out;
    }

    /**
     * Which contract a message applies, for its end: {@code Dovetail generation 1: oob_data}, or
     * {@code Dovetail generation 1, 2 or 3: the code uses no oob pointer, so only what every
     * one of them forbids}.
     */
    public String label() {
        if (candidates.isEmpty()) {
            return "no Dovetail generation profile: the strictest contract";
        }
        if (isKnown()) {
            Profile p = candidates.get(0);
            String fields = String.join(", ", p.oobFields());
            return p.generation() > 0 ? "Dovetail generation " + p.generation() + ": " + fields
                    : "profile " + p.name() + ": " + fields;
        }
        List<String> names = candidates.stream()
                .map(p -> p.generation() > 0 ? Integer.toString(p.generation()) : p.name()).toList();
        String which = list(names, " or ");
        String why = used.isEmpty() ? "the code uses no oob pointer"
                : "the code uses " + list(List.copyOf(used), " and ");
        return "Dovetail generation " + which + ": " + why + ", so only what every one of them forbids";
    }

    /** {@code a, b and c}. */
    private static String list(List<String> items, String last) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
