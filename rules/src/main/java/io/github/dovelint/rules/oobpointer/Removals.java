package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.NullTest;
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
 * A store of {@code NULL} (or 0) into an element of an array, or into a member of one
 * ({@code slots[fd % N] = NULL}, {@code tab[fd].file = NULL}), removes too: a core whose index is
 * an array empties its slot that way ({@link #clearsSlot}); so does a function with a body that
 * makes such a store on some path.
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
        boolean out = clearsSlot(f);
        try {
            for (CallFact c : out ? List.<CallFact>of() : f.calls()) {
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

    /** Whether {@code f}'s body stores NULL into an array element somewhere. */
    private static boolean clearsSlot(FunctionFacts f) {
        for (Cfg.Block b : f.cfg().blocks()) {
            for (Cfg.Event e : b.events()) {
                if (e instanceof Cfg.Assign a && clearsSlot(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code slots[i] = NULL}, {@code tab[i].file = NULL} (or 0): an index slot emptied. */
    static boolean clearsSlot(Cfg.Assign a) {
        if (!NullTest.isNull(a.value())) {
            return false;
        }
        Expr target = a.target();
        for (int i = 0; i < 8 && target instanceof Expr.Member m; i++) {
            target = m.owner();
        }
        return target instanceof Expr.Other o && ELEMENT.matcher(o.text()).matches();
    }

    /** An array element as the expression builder leaves it: {@code name[...]}, {@code p->slots[...]}. */
    private static final Pattern ELEMENT = Pattern.compile("(?s)\\s*[A-Za-z_][^\\[]*\\[.+\\]\\s*");
}
