package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.OobPaths;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.NullTest;
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
 * {@code ctx} is the parameter) or its oob member (the member path:
 * {@code file->oob_data->x} or {@code file->f_oob_state.data->x} where
 * {@code file} is the parameter). Computed
 * from the helper's own graph, transitively through the helpers it calls;
 * recursion and depth are bounded. Not thread-safe: one instance per rule run.
 */
final class OobDerefs {

    static final int MAX_DEPTH = 12;

    private final CallGraph graph;
    private final OobPaths oobPaths;
    /**
     * @param derefs  for each parameter index, its uses without a test ({@code ""}: itself, else an oob field)
     * @param returns what the result may be: {@code "i:"} parameter i itself, {@code "i:oob_data"} its oob member
     * @param ifTrue  what a true (non-zero) result means is non-NULL, in the same words: a predicate
     *                ({@link OobPredicates})
     * @param ifFalse what a false (zero) result means is non-NULL
     */
    record Summary(Map<Integer, Set<String>> derefs, Set<String> returns, Set<String> ifTrue,
                   Set<String> ifFalse) {
        static final Summary NONE = new Summary(Map.of(), Set.of(), Set.of(), Set.of());
    }

    private final Map<String, Summary> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int depth;

    OobDerefs(CallGraph graph, OobPaths oobPaths) {
        this.graph = graph;
        this.oobPaths = oobPaths;
    }

    /** For each argument index, the uses the callee(s) of {@code call} make of it without a test. */
    Map<Integer, Set<String>> of(FunctionFacts caller, CallFact call) {
        List<Target> targets = graph.targets(caller, call);
        Map<Integer, Set<String>> out = new TreeMap<>();
        for (Target t : targets) {
            if (t.definition() != null) {
                summary(t.definition()).derefs().forEach((i, uses) -> out.computeIfAbsent(i, k -> new TreeSet<>()).addAll(uses));
            }
        }
        return out;
    }

    /**
     * The oob members (or oob sources) the value of {@code call} may be, in the caller's words:
     * {@code file->oob_data} for {@code evl_ctx(file)} when {@code evl_ctx(f)} returns {@code f->oob_data}.
     */
    Set<String> returned(Expr.Call call, java.util.function.Function<Expr, Set<String>> sourcesOfArg) {
        Set<String> out = new TreeSet<>();
        for (FunctionFacts callee : graph.program().definitions(call.callee())) {
            for (String r : summary(callee).returns()) {
                int colon = r.indexOf(':');
                int i = Integer.parseInt(r.substring(0, colon));
                String field = r.substring(colon + 1);
                if (i >= call.args().size()) {
                    continue;
                }
                Expr arg = call.args().get(i);
                if (field.isEmpty()) {
                    out.addAll(sourcesOfArg.apply(arg));
                } else {
                    out.add(NullTest.key(arg) + "->" + field);
                }
            }
        }
        return out;
    }

    /**
     * The oob sources a result of {@code call} whose truth is {@code when} means are non-NULL, in
     * the caller's words: {@code file->oob_data} for a true {@code is_oob(file)} when
     * {@code is_oob(f)} returns {@code f->oob_data != NULL}; only what every definition says.
     */
    Set<String> tested(Expr.Call call, boolean when, java.util.function.Function<Expr, Set<String>> sourcesOfArg) {
        Set<String> out = null;
        for (FunctionFacts callee : graph.program().definitions(call.callee())) {
            Set<String> one = new TreeSet<>();
            Summary summary = summary(callee);
            for (String r : when ? summary.ifTrue() : summary.ifFalse()) {
                int colon = r.indexOf(':');
                int i = Integer.parseInt(r.substring(0, colon));
                String field = r.substring(colon + 1);
                if (i < call.args().size()) {
                    Expr arg = call.args().get(i);
                    if (field.isEmpty()) {
                        one.addAll(sourcesOfArg.apply(arg));
                    } else {
                        one.add(NullTest.key(arg) + "->" + field);
                    }
                }
            }
            out = OobPredicates.meet(out, one);
        }
        return out == null ? Set.of() : out;
    }

    private Summary summary(FunctionFacts f) {
        Summary known = memo.get(f.id());
        if (known != null) {
            return known;
        }
        if (!f.cfg().available() || depth >= MAX_DEPTH || !inProgress.add(f.id())) {
            return Summary.NONE;
        }
        depth++;
        Map<Integer, Set<String>> out = new TreeMap<>();
        Set<String> returns = new TreeSet<>();
        List<Set<String>> tested = new java.util.ArrayList<>(java.util.Arrays.asList(null, null));
        try {
            OobFlow flow = new OobFlow(f, oobPaths, this, true);
            Solution<OobFlow.State> solution = Dataflow.forward(f.cfg(), flow);
            solution.events((before, event) -> {
                for (OobFlow.Unchecked u : flow.unchecked(before, event)) {
                    for (String src : u.sources()) {
                        record(f, src, out);
                    }
                }
                if (event instanceof Cfg.Return r && r.value() != null) {
                    for (int w = 0; w < 2; w++) {
                        tested.set(w, OobPredicates.meet(tested.get(w),
                                OobPredicates.tested(flow, before, r.value(), w == 0)));
                    }
                    for (String src : flow.sources(before, r.value())) {
                        Map<Integer, Set<String>> one = new TreeMap<>();
                        record(f, src, one);
                        one.forEach((i, uses) -> uses.forEach(use -> returns.add(i + ":" + use)));
                    }
                }
            });
        } finally {
            depth--;
            inProgress.remove(f.id());
        }
        Summary result = new Summary(out, Set.copyOf(returns), params(f, tested.get(0)), params(f, tested.get(1)));
        memo.put(f.id(), result);
        return result;
    }

    /** {@code sources} (null: none) as {@code "i:field"} of {@code f}'s parameters. */
    private Set<String> params(FunctionFacts f, Set<String> sources) {
        Set<String> out = new TreeSet<>();
        for (String src : sources == null ? Set.<String>of() : sources) {
            Map<Integer, Set<String>> one = new TreeMap<>();
            record(f, src, one);
            one.forEach((i, uses) -> uses.forEach(use -> out.add(i + ":" + use)));
        }
        return Set.copyOf(out);
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
            if (i >= 0 && oobPaths.contains(field) && !f.locals().containsKey(source.substring(0, arrow))) {
                out.computeIfAbsent(i, k -> new TreeSet<>()).add(field);
            }
        }
    }
}
