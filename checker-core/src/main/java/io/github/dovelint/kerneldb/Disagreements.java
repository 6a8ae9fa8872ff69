package io.github.dovelint.kerneldb;

import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the curated kernel.yml and a derived database disagree about a function defined in the
 * tree (docs/kernel-db.md#what-is-derived): kernel.yml wins at run time, so each line is either
 * a curated entry to review or one derivation cannot see (arch code, annotations, ops calls),
 * which kernel.yml keeps with its reason.
 */
public final class Disagreements {

    private Disagreements() {
    }

    /** One line per function, sorted: {@code NAME: kernel.yml says ..., derived ... (reason)}. */
    public static List<String> of(KnowledgeBase curated, List<DerivedFact> facts) {
        Map<String, List<DerivedFact>> byName = new TreeMap<>();
        for (DerivedFact f : facts) {
            if (curated.declaredFunction(f.function()).isPresent()) {
                byName.computeIfAbsent(f.function(), k -> new ArrayList<>()).add(f);
            }
        }
        List<String> out = new ArrayList<>();
        byName.forEach((name, derived) -> {
            FunctionSpec spec = curated.declaredFunction(name).orElseThrow();
            List<String> differences = new ArrayList<>();
            for (DerivedFact f : derived) {
                Optional<String> said = said(spec, f);
                if (said.isPresent()) {
                    differences.add("kernel.yml says " + said.get() + ", derived " + f.attribute() + ": " + f.value()
                            + " (" + f.reason() + ")");
                }
            }
            if (!differences.isEmpty()) {
                out.add(name + ": " + String.join("; ", differences));
            }
        });
        return out;
    }

    /**
     * The curated entries that say exactly what the database derives (docs/kernel-db.md#curated):
     * kernel.yml keeps only what derivation cannot see, so an entry every kernel a user may
     * derive from repeats (the shipped ones at least) is one to remove; one this kernel repeats
     * and another does not says why in its {@code kept}.
     */
    public static List<String> repeated(KnowledgeBase curated, List<DerivedFact> facts) {
        Map<String, SortedSet<String>> derived = new TreeMap<>();
        for (DerivedFact f : facts) {
            if (curated.declaredFunction(f.function()).isPresent()) {
                derived.computeIfAbsent(f.function(), k -> new TreeSet<>())
                        .add(f.attribute() + ": " + f.value());
            }
        }
        List<String> out = new ArrayList<>();
        derived.forEach((name, said) -> {
            FunctionSpec spec = curated.declaredFunction(name).orElseThrow();
            if (said.equals(effects(spec))) {
                out.add(name + " (" + String.join(", ", said) + ")");
            }
        });
        return out;
    }

    /** An entry's effects as a database writes them, {@code attribute: value}. */
    static SortedSet<String> effects(FunctionSpec spec) {
        SortedSet<String> out = new TreeSet<>();
        spec.attributes().forEach((a, v) -> {
            switch (a) {
                case SLEEPS, TAKES_FILE_LOCK -> {
                    if (Boolean.TRUE.equals(v)) {
                        out.add(a.key() + ": true");
                    }
                }
                case GFP_ARG, TASK_ARG, FREES_ARG, SETS_OOB, CLEARS_OOB -> out.add(a.key() + ": " + v);
                case USES -> spec.uses().forEach(u -> out.add(a.key() + ": " + u.key()));
                case KEPT, WHY -> { }
            }
        });
        return out;
    }

    /** What the curated entry says against the fact, if it says something else. */
    private static Optional<String> said(FunctionSpec spec, DerivedFact f) {
        FunctionAttribute a = FunctionAttribute.byKey(f.attribute()).orElseThrow();
        return switch (a) {
            case SLEEPS -> spec.knownNotToSleep() ? Optional.of("sleeps: false") : Optional.empty();
            case GFP_ARG, FREES_ARG -> {
                Object v = spec.attributes().get(a);
                yield v != null && !String.valueOf(v).equals(f.value()) ? Optional.of(a.key() + ": " + v)
                        : Optional.empty();
            }
            case USES -> spec.has(FunctionAttribute.USES)
                    && !spec.uses().contains(Use.byKey(f.value()).orElseThrow())
                    ? Optional.of("uses: " + spec.uses().stream().map(Use::key).toList()) : Optional.empty();
            case TAKES_FILE_LOCK -> spec.has(a) && !spec.takesFileLock() ? Optional.of("takes-file-lock: false")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
