package io.github.dovelint.facts;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One shared instance per key of an immutable fact value, for the values a
 * whole tree repeats millions of times (names, literals). Thread-safe. Full at
 * {@link #MAX} entries it starts afresh, so a long-lived process (an IDE) does
 * not grow without end; sharing equal values is invisible, so results do not
 * depend on what was dropped.
 */
final class Interner<K, V> {

    static final int MAX = 1 << 20;

    private final ConcurrentMap<K, V> seen = new ConcurrentHashMap<>();

    /** The value shared for {@code key}, made by {@code make} the first time. */
    V of(K key, Function<K, V> make) {
        V known = seen.get(key);
        if (known != null) {
            return known;
        }
        if (seen.size() >= MAX) {
            seen.clear();
        }
        V fresh = make.apply(key);
        known = seen.putIfAbsent(key, fresh);
        return known != null ? known : fresh;
    }
}
