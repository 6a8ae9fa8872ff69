package io.github.dovelint.rules.flow;

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
 */
final class LockEffects {

    static final int MAX_DEPTH = 12;

    private final CallGraph graph;
    private final Map<String, Map<String, Integer>> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int depth;
    /** Incremented whenever a summary had to guess (recursion, depth limit): such summaries give no effect. */
    private int guesses;

    LockEffects(CallGraph graph) {
        this.graph = graph;
    }

    /** The effect of {@code call} made by {@code caller}, keyed like {@link LockFlow#key}, renamed to the caller's words. */
    Map<String, Integer> of(FunctionFacts caller, CallFact call) {
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

    private Map<String, Integer> summary(FunctionFacts f) {
        Map<String, Integer> known = memo.get(f.id());
        if (known != null) {
            return known;
        }
        if (!f.cfg().available()) {
            return Map.of();
        }
        if (depth >= MAX_DEPTH || !inProgress.add(f.id())) {
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
        Map<String, Integer> result = guesses > guessesBefore ? Map.of() : Map.copyOf(out);
        memo.put(f.id(), result);
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
