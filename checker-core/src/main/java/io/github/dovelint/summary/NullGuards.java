package io.github.dovelint.summary;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Location;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a function does only when a parameter is not NULL, or not zero (docs/kernel-db.md#null-arguments):
 * behind {@code if (ufd)}, {@code if (ufd != NULL)}, or after {@code if (!timeout) return;}. An
 * optional out-pointer is common in the kernel: {@code receive_fd(file, NULL, flags)} never
 * writes the fd to user memory, {@code receive_fd(file, ufd, flags)} does. Found on the
 * function's control-flow graph, where {@code !}, {@code &&} and {@code ||} are already split:
 * what is not reached from the entry when every test of the parameter says NULL. Such an effect
 * happens only for a caller passing something else than NULL ({@link Cond.Subject#NONNULL}).
 */
final class NullGuards {

    /** No NULL test of a parameter: everything may happen whatever the pointers. */
    static final NullGuards NONE = new NullGuards(Map.of());

    /** For each place that runs only when a parameter is not NULL, the first such parameter. */
    private final Map<Location, Integer> onlyWhenNonNull;

    private NullGuards(Map<Location, Integer> onlyWhenNonNull) {
        this.onlyWhenNonNull = onlyWhenNonNull;
    }

    static NullGuards of(FunctionFacts f) {
        Cfg cfg = f.cfg();
        if (!cfg.available()) {
            return NONE;
        }
        Set<String> tested = testedParameters(f, cfg);
        if (tested.isEmpty()) {
            return NONE;
        }
        Set<Location> all = eventsReached(cfg, null);
        Map<Location, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < f.params().size(); i++) {
            String p = f.params().get(i).name();
            if (!tested.contains(p)) {
                continue;
            }
            Set<Location> only = new HashSet<>(all);
            only.removeAll(eventsReached(cfg, p));
            for (Location l : only) {
                out.putIfAbsent(l, i);
            }
        }
        out.remove(null);
        return out.isEmpty() ? NONE : new NullGuards(Map.copyOf(out));
    }

    /**
     * {@code c} in the function's terms at {@code at}: an effect it would have whatever its
     * arguments, at a place that runs only when a parameter is not NULL, happens only then.
     */
    Set<Cond> at(Location at, Cond c) {
        Integer param = c.isAlways() ? onlyWhenNonNull.get(at) : null;
        return Set.of(param == null ? c : Cond.paramIs(param, Cond.Subject.NONNULL));
    }

    /** The places reached from the entry; with {@code nullParam} a parameter, when it is NULL. */
    private static Set<Location> eventsReached(Cfg cfg, String nullParam) {
        Set<Location> out = new HashSet<>();
        cfg.events(cfg.reached(edge -> nullParam == null || !edge.conditional()
                        || !nullParam.equals(testedName(edge.condition()))
                        || edge.when() == whenNull(edge.condition())))
                .forEach(e -> out.add(e.location()));
        return out;
    }

    private static Set<String> testedParameters(FunctionFacts f, Cfg cfg) {
        Set<String> out = new HashSet<>();
        for (Cfg.Block b : cfg.blocks()) {
            for (Cfg.Edge edge : b.successors()) {
                String p = edge.conditional() ? testedName(edge.condition()) : null;
                if (p != null && f.paramIndex(p) >= 0 && f.locals().get(p) == null) {
                    out.add(p); // a parameter assigned in the body may be NULL for another reason
                }
            }
        }
        return out;
    }

    /** The name {@code e} tests against NULL: {@code p}, {@code p != NULL}, {@code p == NULL} (either way round). */
    private static String testedName(Expr e) {
        Expr cur = Expr.withoutParens(e);
        if (cur instanceof Expr.Name n) {
            return n.id();
        }
        if (cur instanceof Expr.Binary b && (b.op().equals("!=") || b.op().equals("=="))) {
            if (Expr.withoutParens(b.left()) instanceof Expr.Name n && isNull(b.right())) {
                return n.id();
            }
            if (Expr.withoutParens(b.right()) instanceof Expr.Name n && isNull(b.left())) {
                return n.id();
            }
        }
        return null;
    }

    /** The side of the test {@code e} taken when the pointer is NULL. */
    private static boolean whenNull(Expr e) {
        return Expr.withoutParens(e) instanceof Expr.Binary b && b.op().equals("==");
    }

    /** {@code NULL}, {@code 0}, {@code false}, {@code (void *)0} (casts are looked through). */
    static boolean isNull(Expr e) {
        Expr cur = Expr.withoutParens(e);
        return cur instanceof Expr.Name n && (n.id().equals("NULL") || n.id().equals("false"))
                || cur instanceof Expr.Number num && num.value() == 0;
    }

}
