package io.github.dovelint.kerneldb;

import io.github.dovelint.kb.DerivedKnowledge;
import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.Use;
import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A kernel database: the facts derived from a kernel tree (docs/kernel-db.md), sorted, and the
 * checksum of their encoding, which identifies the database's content (run records are keyed
 * on it).
 */
public final class KernelDb implements DerivedKnowledge {

    /** The format version this dovelint writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private final List<DerivedFact> facts;
    private final String checksum;
    private final String name;
    /** Entries built so far, by name ({@link #function}); an absent name maps to empty. */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<FunctionSpec>> entries =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param facts    the facts, in any order
     * @param checksum the SHA-256 of the encoded facts (hex)
     * @param name     how messages name the database (its file), or "" when unknown
     */
    public KernelDb(List<DerivedFact> facts, String checksum, String name) {
        List<DerivedFact> sorted = new ArrayList<>(facts);
        Collections.sort(sorted);
        this.facts = List.copyOf(sorted);
        this.checksum = checksum;
        this.name = name;
    }

    public List<DerivedFact> facts() {
        return facts;
    }

    public String checksum() {
        return checksum;
    }

    public String name() {
        return name;
    }

    /** The facts about one function, sorted. */
    public List<DerivedFact> factsOf(String function) {
        int i = first(function);
        int j = i;
        while (j < facts.size() && facts.get(j).function().equals(function)) {
            j++;
        }
        return facts.subList(i, j);
    }

    /** The index of the first fact about {@code function}, or where it would be. */
    private int first(String function) {
        int lo = 0;
        int hi = facts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (facts.get(mid).function().compareTo(function) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The entry for one function, built when first asked for. */
    @Override
    public Optional<FunctionSpec> function(String function) {
        return entries.computeIfAbsent(function, n -> {
            List<DerivedFact> of = factsOf(n);
            return of.isEmpty() ? Optional.empty() : Optional.of(spec(n, of));
        });
    }

    @Override
    public SortedMap<String, FunctionSpec> all() {
        return specs();
    }

    /**
     * The database as knowledge-base entries, by name: each function's attributes, with the
     * reason of its {@code sleeps} or {@code gfp-arg} fact, followed by the database's name, as
     * {@code why} (messages quote it),
     * located in the database file.
     */
    public SortedMap<String, FunctionSpec> specs() {
        SortedMap<String, FunctionSpec> out = new TreeMap<>();
        int i = 0;
        while (i < facts.size()) {
            String function = facts.get(i).function();
            int j = i;
            while (j < facts.size() && facts.get(j).function().equals(function)) {
                j++;
            }
            out.put(function, spec(function, facts.subList(i, j)));
            i = j;
        }
        return Collections.unmodifiableSortedMap(out);
    }

    private FunctionSpec spec(String function, List<DerivedFact> of) {
        Map<FunctionAttribute, Object> attributes = new EnumMap<>(FunctionAttribute.class);
        Set<Use> uses = EnumSet.noneOf(Use.class);
        String why = null;
        for (DerivedFact f : of) {
            FunctionAttribute a = FunctionAttribute.byKey(f.attribute()).orElseThrow();
            switch (a.type()) {
                case BOOLEAN -> attributes.put(a, Boolean.parseBoolean(f.value()));
                case INDEX -> attributes.put(a, Integer.parseInt(f.value()));
                case USES -> uses.add(Use.byKey(f.value()).orElseThrow());
                case TEXT -> attributes.put(a, f.value());
            }
            if ((a == FunctionAttribute.SLEEPS || a == FunctionAttribute.GFP_ARG) && why == null) {
                // the file names are the kernel tree's: say which tree (a driver repository has none)
                why = f.reason().isEmpty() || name.isEmpty() ? f.reason()
                        : f.reason() + " in " + name.substring(name.lastIndexOf('/') + 1);
            }
        }
        if (!uses.isEmpty()) {
            attributes.put(FunctionAttribute.USES, uses);
        }
        if (why != null && !why.isEmpty()) {
            attributes.put(FunctionAttribute.WHY, why);
        }
        return new FunctionSpec(function, attributes, new Location(name, 0, 0));
    }
}
