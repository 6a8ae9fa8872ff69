package io.github.dovelint.rules.locks;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.NullTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The net lock effect of calling a helper, when it is the same on every path
 * through it: {@code lock_index()} that returns with {@code fd_index_lock}
 * held has effect {@code +1} on it, {@code unlock_index()} {@code -1}. Locks
 * named through a parameter ({@code &c->lock}) are renamed to the argument
 * at each call; a lock on a local of the helper, one held on some paths
 * only, or a helper in a recursion gives no effect (no guess). One instance per rule run; not thread-safe.
 *
 * <p>{@link #bounded} summaries, for the fd-table rules, look only at helpers called by
 * name that take or drop an RCU read lock or a {@code ->file_lock} within
 * {@code levels} calls ({@link Relevance}); any other call has no effect. A
 * summary that had to guess is then not kept, so each one depends on the
 * helper alone, not on the order helpers are asked about.
 */
public final class LockEffects {

    public static final int MAX_DEPTH = 12;

    private final CallGraph graph;
    /** Null: every callee is summarized, to {@link #MAX_DEPTH}; else only those relevant within {@link #maxDepth}. */
    private final Relevance relevance;
    private final int maxDepth;
    private final Map<String, Map<String, Integer>> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int depth;
    /** Incremented whenever a summary had to guess (recursion, depth limit): such summaries give no effect. */
    private int guesses;

    public LockEffects(CallGraph graph) {
        this.graph = graph;
        this.relevance = null;
        this.maxDepth = MAX_DEPTH;
    }

    private LockEffects(CallGraph graph, Relevance relevance, int levels) {
        this.graph = graph;
        this.relevance = relevance;
        this.maxDepth = levels;
    }

    /**
     * Summaries of the effects on the RCU read lock and {@code ->file_lock} only, of helpers
     * called by name that act on them within {@code levels} calls (the callee itself is the
     * first level).
     */
    public static LockEffects bounded(CallGraph graph, int levels) {
        return new LockEffects(graph, new Relevance(graph, LockEffects::actsOnFdTableLocks), levels);
    }

    /** Whether {@code f} itself takes or drops an RCU read lock or a {@code ->file_lock}. */
    public static boolean actsOnFdTableLocks(FunctionFacts f) {
        for (io.github.dovelint.facts.LockOp op : f.lockOps()) {
            for (String key : LockFlow.keys(op)) {
                if (isFdTableLock(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The RCU read-side flavours and any {@code ->file_lock}: what protects an fd table. */
    public static boolean isFdTableLock(String key) {
        return isRcuReadLock(key) || isFileLock(key);
    }

    /** An RCU read-side flavour: {@code rcu_read_lock()}, its {@code _sched} and {@code _bh} variants. */
    public static boolean isRcuReadLock(String key) {
        return key.equals("rcu:") || key.equals("rcu_sched:") || key.equals("rcu_bh:");
    }

    /** Some fd table's {@code ->file_lock} (or {@code .file_lock}). */
    public static boolean isFileLock(String key) {
        return key.endsWith("->file_lock") || key.endsWith(".file_lock");
    }

    /** The effect of {@code call} made by {@code caller}, keyed like {@link LockFlow#key}, renamed to the caller's words. */
    public Map<String, Integer> of(FunctionFacts caller, CallFact call) {
        if (relevance != null) {
            return ofBounded(caller, call);
        }
        List<Target> targets = graph.targets(caller, call);
        if (targets.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> common = null;
        for (Target t : targets) {
            if (t.definition() == null) {
                return Map.of();
            }
            Map<String, Integer> e = rename(t.definition(), summary(t.definition()), call);
            if (common == null) {
                common = e;
            } else if (!common.equals(e)) {
                return Map.of();
            }
        }
        return common;
    }

    /** {@link #of} for {@link #bounded} summaries: direct calls of relevant helpers only. */
    private Map<String, Integer> ofBounded(FunctionFacts caller, CallFact call) {
        List<FunctionFacts> targets = graph.directTargets(caller, call);
        int below = maxDepth - depth - 1; // the levels left under the callee
        boolean any = false;
        for (FunctionFacts t : targets) {
            any |= relevance.within(t, below);
        }
        if (!any) {
            return Map.of();
        }
        Map<String, Integer> common = null;
        for (FunctionFacts t : targets) {
            Map<String, Integer> e = relevance.within(t, below) ? rename(t, summary(t), call) : Map.of();
            if (common == null) {
                common = e;
            } else if (!common.equals(e)) {
                return Map.of();
            }
        }
        return common == null ? Map.of() : common;
    }

    private Map<String, Integer> summary(FunctionFacts f) {
        // Bounded: what a helper's callees may add depends on the depth it is asked at.
        String memoKey = relevance == null ? f.id() : f.id() + "@" + depth;
        Map<String, Integer> known = memo.get(memoKey);
        if (known != null) {
            return known;
        }
        if (!f.cfg().available()) {
            return Map.of();
        }
        if (depth >= maxDepth || !inProgress.add(f.id())) {
            guesses++;
            return Map.of();
        }
        int guessesBefore = guesses;
        depth++;
        Map<String, Integer> out = new TreeMap<>();
        try {
            LockFlow.State exit = Dataflow.forward(f.cfg(), new LockFlow(f, this, true)).atExit();
            if (exit != null) {
                exit.locks().forEach((k, h) -> {
                    if (h.depths().size() == 1) {
                        int d = h.depths().iterator().next();
                        if (d != 0) {
                            out.put(k, d);
                        }
                    }
                });
            }
        } finally {
            depth--;
            inProgress.remove(f.id());
        }
        // A summary that relied on a guess (a recursive call taken as doing nothing) is not trusted.
        boolean guessed = guesses > guessesBefore;
        Map<String, Integer> result = guessed ? Map.of() : Map.copyOf(out);
        if (!guessed || relevance == null) {
            memo.put(memoKey, result); // bounded: a guess depends on the path here, so it is not kept
        }
        return result;
    }

    private static Map<String, Integer> rename(FunctionFacts callee, Map<String, Integer> effect, CallFact call) {
        Map<String, Integer> out = new TreeMap<>();
        effect.forEach((key, delta) -> {
            int colon = key.indexOf(':');
            String family = key.substring(0, colon);
            String lock = key.substring(colon + 1);
            String root = root(lock);
            int param = root.isEmpty() ? -1 : callee.paramIndex(root);
            if (param >= 0) {
                Expr arg = call.arg(param);
                if (arg == null) {
                    return;
                }
                String argKey = NullTest.key(arg);
                String rest = lock.substring(root.length());
                String renamed;
                if (argKey.startsWith("&") && rest.startsWith("->")) {
                    renamed = argKey.substring(1) + "." + rest.substring(2);
                } else if (argKey.startsWith("&") && rest.isEmpty()) {
                    renamed = argKey.substring(1);
                } else {
                    renamed = argKey + rest;
                }
                out.merge(family + ":" + renamed, delta, Integer::sum);
            } else if (root.isEmpty() || !callee.locals().containsKey(root)) {
                out.merge(key, delta, Integer::sum);
            }
        });
        out.values().removeIf(v -> v == 0);
        return out;
    }

    /** The leading identifier of a lock expression ({@code c} in {@code c->lock}). */
    private static String root(String lock) {
        int i = 0;
        while (i < lock.length() && (Character.isLetterOrDigit(lock.charAt(i)) || lock.charAt(i) == '_')) {
            i++;
        }
        return lock.substring(0, i);
    }
}
