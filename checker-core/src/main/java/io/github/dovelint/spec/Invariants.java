package io.github.dovelint.spec;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The invariants checked after every step: the core's index holds exactly the
 * fds the VFS model says a correct core knows (open, oob-capable, announced
 * by install or replace, per live table), and no entry outlives its file.
 */
public final class Invariants {

    private Invariants() {
    }

    /** The first violated invariant, described, or empty. */
    public static Optional<String> check(Vfs vfs, CompanionCore core) {
        SortedMap<IndexKey, Integer> actual = core.index();
        for (Map.Entry<IndexKey, Integer> e : actual.entrySet()) {
            if (!vfs.fileAlive(e.getValue())) {
                return Optional.of("entry " + e.getKey() + "->#" + e.getValue() + " outlives its file #" + e.getValue()
                        + " (released)");
            }
        }
        SortedMap<IndexKey, Integer> expected = vfs.expectedIndex();
        for (Map.Entry<IndexKey, Integer> e : expected.entrySet()) {
            Integer got = actual.get(e.getKey());
            if (got == null) {
                return Optional.of("missing entry " + e.getKey() + "->#" + e.getValue());
            }
            if (!got.equals(e.getValue())) {
                return Optional.of("entry " + e.getKey() + " points at #" + got + ", the fd now holds #" + e.getValue());
            }
        }
        for (Map.Entry<IndexKey, Integer> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                return Optional.of("extra entry " + e.getKey() + "->#" + e.getValue()
                        + " (that fd is closed, not oob-capable, or its table is gone)");
            }
        }
        return Optional.empty();
    }
}
