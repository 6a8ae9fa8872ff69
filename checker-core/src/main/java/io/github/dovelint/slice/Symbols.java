package io.github.dovelint.slice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identifiers as small integers, shared by the threads that scan files. Those
 * of a stored index ({@link FlatIndex}) keep their numbers and are looked up
 * there; names it does not know are numbered after them. The numbers depend on
 * the order files are scanned in; nothing that is reported depends on them.
 */
public final class Symbols {

    /** The symbols of a stored index, numbered from 0; null when none. */
    private final FlatIndex base;
    private final int baseSize;
    /** The names beyond the base, by name. */
    private final ConcurrentHashMap<String, Integer> ids;
    /** The names beyond the base, by number minus the base's size; grown under this object's lock. */
    private String[] names;
    private int size;

    public Symbols() {
        this(null);
    }

    private Symbols(FlatIndex base) {
        this.base = base;
        this.baseSize = base == null ? 0 : base.symbols();
        ids = new ConcurrentHashMap<>(1 << 16);
        names = new String[1 << 10];
    }

    /** The symbols of a stored index, numbered as it numbers them. */
    static Symbols over(FlatIndex base) {
        return new Symbols(base);
    }

    /** Every name, by its number. */
    synchronized String[] names() {
        String[] out = new String[baseSize + size];
        for (int k = 0; k < baseSize; k++) {
            out[k] = base.name(k);
        }
        System.arraycopy(names, 0, out, baseSize, size);
        return out;
    }

    /** The name numbered {@code id}. */
    public synchronized String name(int id) {
        return id < baseSize ? base.name(id) : names[id - baseSize];
    }

    /** The number of {@code name}, assigned on first use. */
    public int id(String name) {
        int known = find(name);
        return known >= 0 ? known : ids.computeIfAbsent(name, this::add);
    }

    private synchronized int add(String name) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        return baseSize + size++;
    }

    /** The number of {@code name}, or -1 if no file mentions it. */
    public int find(String name) {
        if (base != null) {
            int b = base.find(name);
            if (b >= 0) {
                return b;
            }
        }
        Integer known = ids.get(name);
        return known == null ? -1 : known;
    }

    /** The numbers of every identifier with this prefix (and suffix, "" for any). */
    public int[] matching(String prefix, String suffix) {
        List<String[]> one = new ArrayList<>();
        one.add(new String[] {prefix, suffix});
        return matching(one).get(0);
    }

    /**
     * For each {prefix, suffix} pair, the numbers of every identifier so spelled, sorted: one
     * pass over all the identifiers, however many pairs.
     */
    public synchronized List<int[]> matching(List<String[]> patterns) {
        List<int[]> out = new ArrayList<>();
        int[][] found = new int[patterns.size()][16];
        int[] counts = new int[patterns.size()];
        for (int id = 0; id < baseSize + size; id++) {
            String name = id < baseSize ? null : names[id - baseSize];
            int length = name != null ? name.length() : base.nameLength(id);
            for (int k = 0; k < found.length; k++) {
                String[] p = patterns.get(k);
                if (length >= p[0].length() + p[1].length()
                        && (name != null ? name.startsWith(p[0]) && name.endsWith(p[1])
                        : base.starts(id, p[0]) && base.ends(id, p[1]))) {
                    if (counts[k] == found[k].length) {
                        found[k] = Arrays.copyOf(found[k], counts[k] * 2);
                    }
                    found[k][counts[k]++] = id;
                }
            }
        }
        for (int k = 0; k < found.length; k++) {
            out.add(Arrays.copyOf(found[k], counts[k])); // ids in increasing order
        }
        return out;
    }

    /** How many identifiers have a number. */
    public synchronized int size() {
        return baseSize + size;
    }
}
