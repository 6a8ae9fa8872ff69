package io.github.dovelint.kerneldb;

import io.github.dovelint.kb.DerivedKnowledge;
import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.Use;
import io.github.dovelint.model.Location;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kernel database: the facts derived from a kernel tree (docs/kernel-db.md), kept as the
 * checked text of its file, one line per fact in function order, and its identity, the SHA-256
 * of the file (run records are keyed on it). A lookup finds a name's lines by binary search and
 * builds its entry then, so a run pays only for the names it asks about.
 */
public final class KernelDb implements DerivedKnowledge {

    /** The format version this dovelint writes and reads. */
    public static final int FORMAT_VERSION = 2;

    private final byte[] text;
    /** Where each fact line starts; the last element is where the end line starts. */
    private final int[] starts;
    private final String checksum;
    private final String name;
    /** Entries built so far, by name ({@link #function}); an absent name maps to empty. */
    private final Map<String, Optional<FunctionSpec>> entries = new ConcurrentHashMap<>();
    private volatile List<DerivedFact> facts;

    /** A database read by {@link KernelDbReader}, which checked every line of {@code text}. */
    KernelDb(byte[] text, int[] starts, String checksum, String name) {
        this.text = text;
        this.starts = starts;
        this.checksum = checksum;
        this.name = name;
    }

    /** Every fact, sorted. */
    public List<DerivedFact> facts() {
        List<DerivedFact> all = facts;
        if (all == null) {
            all = List.copyOf(range(0, size()));
            facts = all;
        }
        return all;
    }

    /** The identity of the database: the SHA-256 of its file, hex. */
    public String checksum() {
        return checksum;
    }

    public String name() {
        return name;
    }

    private int size() {
        return starts.length - 1;
    }

    /** The facts about one function, sorted. */
    public List<DerivedFact> factsOf(String function) {
        byte[] key = function.getBytes(StandardCharsets.UTF_8);
        int i = first(key);
        int j = i;
        while (j < size() && compareFunction(text, starts[j], key) == 0) {
            j++;
        }
        return range(i, j);
    }

    /** The index of the first fact about the function {@code key}, or where it would be. */
    private int first(byte[] key) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareFunction(text, starts[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private List<DerivedFact> range(int from, int to) {
        List<DerivedFact> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String[] f = new String(text, starts[i], starts[i + 1] - starts[i] - 1, StandardCharsets.UTF_8)
                    .split("\t", -1);
            out.add(new DerivedFact(f[0], f[1], f[2], f[3]));
        }
        return out;
    }

    /** Compares the function field of the line at {@code line} with the name {@code key}, as unsigned bytes. */
    private static int compareFunction(byte[] t, int line, byte[] key) {
        return compareFunction(t, line, key, 0, key.length);
    }

    /**
     * Compares the function field of the line of {@code t} at {@code line} with the bytes of
     * {@code name} from {@code from} to {@code to}, as unsigned bytes.
     */
    static int compareFunction(byte[] t, int line, byte[] name, int from, int to) {
        int end = line;
        while (t[end] != '\t') {
            end++;
        }
        return java.util.Arrays.compareUnsigned(t, line, end, name, from, to);
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
        List<DerivedFact> all = facts();
        SortedMap<String, FunctionSpec> out = new TreeMap<>();
        int i = 0;
        while (i < all.size()) {
            String function = all.get(i).function();
            int j = i;
            while (j < all.size() && all.get(j).function().equals(function)) {
                j++;
            }
            out.put(function, spec(function, all.subList(i, j)));
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
                case KEPT -> throw new IllegalStateException("a database records no 'kept': " + f);
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
