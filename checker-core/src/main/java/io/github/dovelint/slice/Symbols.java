package io.github.dovelint.slice;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identifiers as small integers, shared by the threads that scan files. The
 * numbers depend on the order files are scanned in; nothing that is reported
 * depends on them.
 */
public final class Symbols {

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>(1 << 16);
    private final AtomicInteger next = new AtomicInteger();

    /** The number of {@code name}, assigned on first use. */
    public int id(String name) {
        Integer known = ids.get(name);
        return known != null ? known : ids.computeIfAbsent(name, k -> next.getAndIncrement());
    }

    /** The number of {@code name}, or -1 if no file mentions it. */
    public int find(String name) {
        Integer known = ids.get(name);
        return known == null ? -1 : known;
    }

    /** The numbers of every identifier with this prefix (and suffix, "" for any). */
    public int[] matching(String prefix, String suffix) {
        return ids.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix)
                        && e.getKey().length() >= prefix.length() + suffix.length())
                .mapToInt(java.util.Map.Entry::getValue).sorted().toArray();
    }

    /** How many identifiers have a number. */
    public int size() {
        return next.get();
    }
}
