package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.FunctionFacts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which calls remove an index entry, for DL206. A call removes when it is
 * <ul>
 * <li>a kernel unlink or free primitive (the knowledge base's {@code entry-removals}: {@code hash_del}, {@code list_del},
 *     {@code rb_erase}, {@code idr_remove}, {@code xa_erase}, {@code kfree}, ...);</li>
 * <li>a function with a body in the analysed code that makes such a call on some path
 *     (transitively: {@code evl_drop_fd()} calling {@code hash_del()});</li>
 * <li>a function without a body whose name says it removes: a word {@code del}, {@code delete},
 *     {@code remove}, {@code erase}, {@code free}, {@code unlink}, {@code drop}, {@code untrack},
 *     {@code forget}, {@code evict} or {@code uninstall} between underscores
 *     ({@code evl_index_remove}, {@code evl_untrack_fd}).</li>
 * </ul>
 * This errs on the side of silence: any such call on a path counts, whatever entry it removes.
 * Not thread-safe: one instance per rule run.
 */
final class Removals {

    private static final Pattern NAMED = Pattern.compile(
            "(^|_)(del|delete|remove|erase|free|unlink|drop|untrack|forget|evict|uninstall)(_|$)");

    static final int MAX_DEPTH = 16;

    private final CallGraph graph;
    private final Map<String, Boolean> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int depth;

    private final Set<String> primitives;

    Removals(CallGraph graph, java.util.Collection<String> primitives) {
        this.primitives = Set.copyOf(primitives);
        this.graph = graph;
    }

    /** Whether {@code call}, made by {@code caller}, removes an entry. */
    boolean removes(FunctionFacts caller, CallFact call) {
        String name = call.callee() instanceof Callee.Named n ? n.name() : null;
        if (name != null && primitives.contains(name)) {
            return true;
        }
        List<Target> targets = graph.targets(caller, call);
        for (Target t : targets) {
            if (t.definition() != null ? removes(t.definition()) : NAMED.matcher(t.name()).find()) {
                return true;
            }
        }
        return targets.isEmpty() && name != null && NAMED.matcher(name).find();
    }

    private boolean removes(FunctionFacts f) {
        Boolean known = memo.get(f.id());
        if (known != null) {
            return known;
        }
        if (depth >= MAX_DEPTH || !inProgress.add(f.id())) {
            return false;
        }
        depth++;
        boolean out = false;
        try {
            for (CallFact c : f.calls()) {
                if (removes(f, c)) {
                    out = true;
                    break;
                }
            }
        } finally {
            depth--;
            inProgress.remove(f.id());
        }
        memo.put(f.id(), out);
        return out;
    }
}
