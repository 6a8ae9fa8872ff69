package io.github.dovelint.kerneldb;

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
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A kernel database: the facts derived from a kernel tree (docs/kernel-db.md), sorted, and the
 * checksum of their encoding, which identifies the database's content (run records are keyed
 * on it).
 */
public final class KernelDb {

    /** The format version this dovelint writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private final List<DerivedFact> facts;
    private final String checksum;
    private final String name;

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
        List<DerivedFact> out = new ArrayList<>();
        for (DerivedFact f : facts) {
            if (f.function().equals(function)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The database as knowledge-base entries, by name: each function's attributes, with the
     * reason of its {@code sleeps} or {@code gfp-arg} fact as {@code why} (messages quote it),
     * located in the database file.
     */
    public SortedMap<String, FunctionSpec> specs() {
        SortedMap<String, FunctionSpec> out = new TreeMap<>();
        int i = 0;
        while (i < facts.size()) {
            String function = facts.get(i).function();
            Map<FunctionAttribute, Object> attributes = new EnumMap<>(FunctionAttribute.class);
            Set<Use> uses = EnumSet.noneOf(Use.class);
            String why = null;
            for (; i < facts.size() && facts.get(i).function().equals(function); i++) {
                DerivedFact f = facts.get(i);
                FunctionAttribute a = FunctionAttribute.byKey(f.attribute()).orElseThrow();
                switch (a.type()) {
                    case BOOLEAN -> attributes.put(a, Boolean.parseBoolean(f.value()));
                    case INDEX -> attributes.put(a, Integer.parseInt(f.value()));
                    case USES -> uses.add(Use.byKey(f.value()).orElseThrow());
                    case TEXT -> attributes.put(a, f.value());
                }
                if ((a == FunctionAttribute.SLEEPS || a == FunctionAttribute.GFP_ARG) && why == null) {
                    why = f.reason();
                }
            }
            if (!uses.isEmpty()) {
                attributes.put(FunctionAttribute.USES, uses);
            }
            if (why != null && !why.isEmpty()) {
                attributes.put(FunctionAttribute.WHY, why);
            }
            out.put(function, new FunctionSpec(function, attributes, new Location(name, 0, 0)));
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
