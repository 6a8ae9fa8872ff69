package io.github.dovelint.slice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identifiers as small integers, shared by the threads that scan files. The
 * numbers depend on the order files are scanned in; nothing that is reported
 * depends on them.
 */
public final class Symbols {

    private final ConcurrentHashMap<String, Integer> ids;
    /** The names by number; grown under this object's lock, read once scanning is over. */
    private String[] names;
    private int size;

    public Symbols() {
        this(1 << 16);
    }

    private Symbols(int capacity) {
        ids = new ConcurrentHashMap<>(capacity);
        names = new String[Math.max(16, capacity)];
    }

    /** Symbols numbered as {@code names} lists them (an index of an earlier run). */
    static Symbols restore(String[] names) {
        Symbols out = new Symbols(names.length + names.length / 2 + 16); // no resizing on the way
        for (int k = 0; k < names.length; k++) {
            out.ids.put(names[k], k);
        }
        System.arraycopy(names, 0, out.names, 0, names.length);
        out.size = names.length;
        return out;
    }

    /** Every name, by its number. */
    synchronized String[] names() {
        return Arrays.copyOf(names, size);
    }

    /** The number of {@code name}, assigned on first use. */
    public int id(String name) {
        Integer known = ids.get(name);
        return known != null ? known : ids.computeIfAbsent(name, this::add);
    }

    private synchronized int add(String name) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        return size++;
    }

    /** The number of {@code name}, or -1 if no file mentions it. */
    public int find(String name) {
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
        for (int id = 0; id < size; id++) {
            String name = names[id];
            for (int k = 0; k < found.length; k++) {
                String[] p = patterns.get(k);
                if (name.length() >= p[0].length() + p[1].length() && name.startsWith(p[0])
                        && name.endsWith(p[1])) {
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
        return size;
    }
}
