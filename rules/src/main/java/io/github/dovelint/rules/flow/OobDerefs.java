package io.github.dovelint.rules.flow;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.Solution;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which parameters a helper dereferences before testing them against NULL,
 * on some path: the parameter itself ({@code ""}: {@code ctx->x} where
 * {@code ctx} is the parameter) or its oob member (the field name:
 * {@code file->oob_data->x} where {@code file} is the parameter). Computed
 * from the helper's own graph, transitively through the helpers it calls;
 * recursion and depth are bounded. Not thread-safe: one instance per rule run.
 */
final class OobDerefs {

    static final int MAX_DEPTH = 12;

    private final CallGraph graph;
    private final Set<String> oobFields;
    private final Map<String, Map<Integer, Set<String>>> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int depth;

    OobDerefs(CallGraph graph, Set<String> oobFields) {
        this.graph = graph;
        this.oobFields = oobFields;
    }

    /** For each argument index, the uses the callee(s) of {@code call} make of it without a test. */
    Map<Integer, Set<String>> of(FunctionFacts caller, CallFact call) {
        List<Target> targets = graph.targets(caller, call);
        Map<Integer, Set<String>> out = new TreeMap<>();
        for (Target t : targets) {
            if (t.definition() != null) {
                summary(t.definition()).forEach((i, uses) -> out.computeIfAbsent(i, k -> new TreeSet<>()).addAll(uses));
            }
        }
        return out;
    }

    private Map<Integer, Set<String>> summary(FunctionFacts f) {
        Map<Integer, Set<String>> known = memo.get(f.id());
        if (known != null) {
            return known;
        }
        if (!f.cfg().available() || depth >= MAX_DEPTH || !inProgress.add(f.id())) {
            return Map.of();
        }
        depth++;
        Map<Integer, Set<String>> out = new TreeMap<>();
        try {
            OobFlow flow = new OobFlow(f, oobFields, this, true);
            Solution<OobFlow.State> solution = Dataflow.forward(f.cfg(), flow);
            solution.events((before, event) -> {
                for (OobFlow.Unchecked u : flow.unchecked(before, event)) {
                    for (String src : u.sources()) {
                        record(f, src, out);
                    }
                }
            });
        } finally {
            depth--;
            inProgress.remove(f.id());
        }
        memo.put(f.id(), out);
        return out;
    }

    private void record(FunctionFacts f, String source, Map<Integer, Set<String>> out) {
        if (source.startsWith("@")) {
            int i = f.paramIndex(source.substring(1));
            if (i >= 0) {
                out.computeIfAbsent(i, k -> new TreeSet<>()).add("");
            }
            return;
        }
        int arrow = source.indexOf("->");
        if (arrow > 0 && source.indexOf("->", arrow + 2) < 0) {
            int i = f.paramIndex(source.substring(0, arrow));
            String field = source.substring(arrow + 2);
            if (i >= 0 && oobFields.contains(field) && !f.locals().containsKey(source.substring(0, arrow))) {
                out.computeIfAbsent(i, k -> new TreeSet<>()).add(field);
            }
        }
    }
}
