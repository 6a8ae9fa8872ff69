package io.github.dovelint.rules.oobstage;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import java.util.List;
import java.util.Map;

/**
 * Whether a function reads {@code current->files} only as a value: compared, stored in a
 * member of its own (a lookup key), passed to functions of the run that do the same, never
 * dereferenced nor given to a function whose body is not in the run. On the oob stage that is
 * safe: only the task itself changes its {@code ->files}, and the fd table behind it is not
 * touched (docs/contracts.md#c8-oob-handlers-never-call-in-band-services). A companion core
 * keys its own fd index on it this way. A use through an alias of {@code current} counts as a
 * real use.
 */
final class FilesAsKey {

    /** How deep the value is followed into the callees that receive it. */
    private static final int DEPTH = 3;

    private final CallGraph graph;

    FilesAsKey(CallGraph graph) {
        this.graph = graph;
    }

    /** Whether every {@code current->files} of {@code f} is only used as a value. */
    boolean onlyAsKey(FunctionFacts f) {
        if (!f.cfg().available()) {
            return false;
        }
        boolean direct = f.currentUses().stream()
                .filter(u -> u.field().equals("files")).allMatch(u -> u.text().endsWith("->files")
                        && (u.text().startsWith("current->") || u.text().startsWith("get_current()->")));
        return direct && !escapes(f, FilesAsKey::isCurrentFiles, DEPTH);
    }

    private static boolean isCurrentFiles(Expr e) {
        return e instanceof Expr.Member m && m.field().equals("files") && m.arrow() && Expr.isCurrentTask(m.owner());
    }

    /**
     * Whether a value {@code is} matches escapes {@code f}: dereferenced, given to a function
     * with no body in the run, or to one where its parameter escapes, or kept in a local
     * variable that does.
     */
    private boolean escapes(FunctionFacts f, java.util.function.Predicate<Expr> is, int depth) {
        if (depth < 0 || !f.cfg().available()) {
            return true;
        }
        for (Cfg.Block b : f.cfg().blocks()) {
            for (Cfg.Event e : b.events()) {
                if (e instanceof Cfg.Deref d && is.test(d.pointer())
                        || e instanceof Cfg.Return r && r.value() != null && is.test(r.value())) {
                    return true; // dereferenced here, or handed back to callers not followed
                }
            }
        }
        for (CallFact call : f.calls()) {
            for (int i = 0; i < call.args().size(); i++) {
                if (!is.test(call.args().get(i))) {
                    continue;
                }
                List<Target> targets = graph.targets(f, call);
                if (targets.isEmpty()) {
                    return true;
                }
                for (Target t : targets) {
                    FunctionFacts g = t.definition();
                    if (g == null || i >= g.params().size()) {
                        return true;
                    }
                    String param = g.params().get(i).name();
                    if (escapes(g, x -> x instanceof Expr.Name n && n.id().equals(param), depth - 1)) {
                        return true;
                    }
                }
            }
        }
        for (Map.Entry<String, List<Expr>> local : f.locals().entrySet()) {
            if (local.getValue().stream().anyMatch(is)) {
                String name = local.getKey();
                if (escapes(f, x -> x instanceof Expr.Name n && n.id().equals(name), depth - 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
