package io.github.dovelint.rules.locks;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.FunctionFacts;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whether a function does what an analysis looks for (takes an RCU read lock,
 * takes a file reference...) itself or through the functions it calls by name,
 * within a number of levels. Analyses that follow callees only as deep as
 * their rule's {@code Scope} says ask this before they look at a callee, so
 * that a callee that cannot matter is not looked at at all: not at depth, not
 * for a recursion, whatever the rest of the program holds. That is what makes
 * their result the same on a slice of the program as on all of it.
 * One instance per rule run; not thread-safe.
 */
public final class Relevance {

    private final CallGraph graph;
    private final Predicate<FunctionFacts> own;
    private final Map<String, Boolean> memo = new HashMap<>();

    /** @param own whether a function does it in its own body */
    public Relevance(CallGraph graph, Predicate<FunctionFacts> own) {
        this.graph = graph;
        this.own = own;
    }

    /** Whether {@code f} does it, or a function it calls by name does within {@code levels} more calls. */
    public boolean within(FunctionFacts f, int levels) {
        if (levels < 0) {
            return false;
        }
        String key = f.id() + "@" + levels;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean out = own.test(f);
        if (!out && levels > 0) {
            outer:
            for (CallFact c : f.calls()) {
                for (FunctionFacts callee : graph.directTargets(f, c)) {
                    if (within(callee, levels - 1)) {
                        out = true;
                        break outer;
                    }
                }
            }
        }
        memo.put(key, out);
        return out;
    }
}
