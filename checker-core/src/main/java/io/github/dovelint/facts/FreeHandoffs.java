package io.github.dovelint.facts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the {@code __free()} releases that free nothing: {@code T *p __free(kfree)} frees
 * {@code p} at the end of its scope only when {@code p} is not NULL ({@code DEFINE_FREE}'s
 * test in {@code include/linux/cleanup.h}), and {@code no_free_ptr(p)} leaves NULL in
 * {@code p} once it has handed the pointer off (ownership goes to whoever got the value).
 * A release is dropped where its variable holds NULL on every path to it: the last store
 * to it on each path is a NULL ({@code no_free_ptr(p)}, {@code p = NULL}), or a test
 * found it NULL ({@code if (!p) return;}). Paths where
 * {@code p} still holds the object (an error path before the handoff) keep their release.
 * A release no path reaches (at the closing brace after a last {@code return}) is dropped too.
 */
final class FreeHandoffs {

    /** The value {@code no_free_ptr(p)} leaves in {@code p}. */
    static final Expr NULL = Expr.Number.of(0, "NULL");

    private FreeHandoffs() {
    }

    /**
     * {@code cfg} without the releases of {@code frees} whose variable is NULL there on
     * every path, or that no path reaches; those releases are removed from {@code releases} too.
     */
    static Cfg prune(Cfg cfg, Set<CallFact> frees, List<CallFact> releases) {
        List<Set<String>> in = nullOnEntry(cfg);
        Set<CallFact> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Cfg.Block> blocks = new ArrayList<>(cfg.size());
        for (Cfg.Block block : cfg.blocks()) {
            Set<String> nulls = in.get(block.id());
            List<Cfg.Event> kept = new ArrayList<>(block.events().size());
            for (Cfg.Event e : block.events()) {
                if (e instanceof Cfg.Call c && frees.contains(c.call()) && (nulls == null
                        || c.call().arg(0) instanceof Expr.Name v && nulls.contains(v.id()))) {
                    dropped.add(c.call());
                    continue;
                }
                kept.add(e);
                if (nulls != null) {
                    transfer(nulls, e);
                }
            }
            blocks.add(kept.size() == block.events().size() ? block
                    : new Cfg.Block(block.id(), kept, block.successors()));
        }
        if (dropped.isEmpty()) {
            return cfg;
        }
        releases.removeIf(dropped::contains);
        return new Cfg(blocks);
    }

    /** The variables NULL on every path into each block; null for a block no path reaches. */
    private static List<Set<String>> nullOnEntry(Cfg cfg) {
        List<Set<String>> in = new ArrayList<>(cfg.size());
        for (int i = 0; i < cfg.size(); i++) {
            in.add(null);
        }
        in.set(Cfg.ENTRY, new HashSet<>());
        Deque<Integer> work = new ArrayDeque<>(List.of(Cfg.ENTRY));
        while (!work.isEmpty()) {
            Cfg.Block block = cfg.block(work.pop());
            Set<String> out = new HashSet<>(in.get(block.id()));
            for (Cfg.Event e : block.events()) {
                transfer(out, e);
            }
            for (Cfg.Edge edge : block.successors()) {
                Set<String> along = out;
                String tested = nullAlong(edge);
                if (tested != null && !out.contains(tested)) {
                    along = new HashSet<>(out);
                    along.add(tested);
                }
                Set<String> old = in.get(edge.target());
                if (old == null) {
                    in.set(edge.target(), new HashSet<>(along));
                    work.push(edge.target());
                } else if (old.retainAll(along)) {
                    work.push(edge.target());
                }
            }
        }
        return in;
    }

    /** The variable an edge's test says is NULL ({@code if (!p) return;}), or null. */
    private static String nullAlong(Cfg.Edge edge) {
        Expr c = edge.condition();
        if (c instanceof Expr.Name n) {
            return edge.when() ? null : n.id();
        }
        if (c instanceof Expr.Binary b && b.left() instanceof Expr.Name n
                && b.right() instanceof Expr.Number z && z.value() == 0
                && (b.op().equals("==") && edge.when() || b.op().equals("!=") && !edge.when())) {
            return n.id();
        }
        return null;
    }

    private static void transfer(Set<String> nulls, Cfg.Event e) {
        if (e instanceof Cfg.Assign a && a.variable() != null) {
            if (a.value() instanceof Expr.Number n && n.value() == 0) {
                nulls.add(a.variable());
            } else {
                nulls.remove(a.variable());
            }
        }
    }
}
