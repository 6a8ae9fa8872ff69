package io.github.dovelint.summary;

import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.GfpTable;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Evaluates GFP mask expressions to the set of masks they may have:
 * constants and flags from the knowledge base, {@code | & ~ ^}, conditionals,
 * local variables (every value assigned anywhere in the body: a mask that is
 * {@code GFP_KERNEL} on one path may sleep) and parameters (kept symbolic, so
 * the caller's argument decides). An expression dovelint cannot evaluate
 * (a struct field, a function result) yields null: unknown, not sleeping.
 */
final class GfpEvaluator {

    private static final int MAX_ALTERNATIVES = 16;
    private static final int MAX_DEPTH = 32;

    private final GfpTable gfp;
    private final java.util.function.BiFunction<FunctionFacts, String, List<Expr>> globals;

    /**
     * @param globals the initializers of a file-scope variable as seen from a function, or null
     *                ({@code static const gfp_t evl_gfp = GFP_KERNEL;} names a mask once per file)
     */
    GfpEvaluator(GfpTable gfp, java.util.function.BiFunction<FunctionFacts, String, List<Expr>> globals) {
        this.gfp = gfp;
        this.globals = globals;
    }

    boolean allowsReclaim(long mask) {
        return gfp.allowsReclaim(mask);
    }

    /** The possible masks of {@code e} in {@code fn}, or null when unknown. */
    Set<Mask> eval(Expr e, FunctionFacts fn) {
        return eval(e, fn, new HashSet<>(), 0);
    }

    private Set<Mask> eval(Expr e, FunctionFacts fn, Set<String> visiting, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return null;
        }
        int d = depth + 1;
        if (e instanceof Expr.Number n) {
            return Set.of(Mask.constant(n.value()));
        }
        if (e instanceof Expr.Name n) {
            return name(n.id(), fn, visiting, d);
        }
        if (e instanceof Expr.Unary u) {
            Set<Mask> v = eval(u.operand(), fn, visiting, d);
            if (v == null) {
                return null;
            }
            return switch (u.op()) {
                case "~" -> constants(v, x -> ~x);
                case "+" -> v;
                default -> null;
            };
        }
        if (e instanceof Expr.Binary b) {
            return binary(b.op(), eval(b.left(), fn, visiting, d), eval(b.right(), fn, visiting, d));
        }
        if (e instanceof Expr.Conditional c) {
            return union(eval(c.yes(), fn, visiting, d), eval(c.no(), fn, visiting, d));
        }
        return null;
    }

    private Set<Mask> name(String id, FunctionFacts fn, Set<String> visiting, int depth) {
        OptionalLong known = gfp.value(id);
        if (known.isPresent()) {
            return Set.of(Mask.constant(known.getAsLong()));
        }
        int param = fn.paramIndex(id);
        List<Expr> assigned = fn.locals().get(id);
        if (assigned == null) {
            return param >= 0 ? Set.of(Mask.ofParam(param)) : global(id, fn, visiting, depth);
        }
        if (!visiting.add(id)) {
            return Set.of(); // a compound assignment reading the variable itself
        }
        try {
            // Plain assignments first, then compound ones applied to what came before:
            // flow-insensitive, so every value the variable may hold is kept.
            Set<Mask> values = param >= 0 ? new LinkedHashSet<>(Set.of(Mask.ofParam(param))) : new LinkedHashSet<>();
            boolean any = param >= 0;
            for (Expr value : assigned) {
                if (readsItself(value, id)) {
                    continue;
                }
                Set<Mask> v = eval(value, fn, visiting, depth);
                if (v != null) {
                    values.addAll(v);
                    any = true;
                }
            }
            for (Expr value : assigned) {
                if (readsItself(value, id) && value instanceof Expr.Binary b) {
                    boolean everyPath = b.op().endsWith("=");
                    String op = everyPath ? b.op().substring(0, b.op().length() - 1) : b.op();
                    Set<Mask> other = eval(b.right(), fn, visiting, depth);
                    Set<Mask> updated = binary(op, Set.copyOf(values), other);
                    if (updated != null && everyPath) {
                        values.clear(); // gfp &= ~__GFP_DIRECT_RECLAIM; on every path
                    }
                    if (updated != null) {
                        values.addAll(updated);
                    }
                }
            }
            return any ? cap(values) : null;
        } finally {
            visiting.remove(id);
        }
    }

    private Set<Mask> global(String id, FunctionFacts fn, Set<String> visiting, int depth) {
        List<Expr> values = globals.apply(fn, id);
        if (values == null || !visiting.add("::" + id)) {
            return null;
        }
        try {
            Set<Mask> out = null;
            for (Expr value : values) {
                out = union(out, eval(value, fn, visiting, depth));
            }
            return out;
        } finally {
            visiting.remove("::" + id);
        }
    }

    private static boolean readsItself(Expr value, String id) {
        return value instanceof Expr.Binary b && b.left() instanceof Expr.Name n && n.id().equals(id);
    }

    private static Set<Mask> binary(String op, Set<Mask> left, Set<Mask> right) {
        if (left == null || right == null) {
            return null;
        }
        Set<Mask> out = new LinkedHashSet<>();
        for (Mask l : left) {
            for (Mask r : right) {
                Mask m = combine(op, l, r);
                if (m == null) {
                    return null;
                }
                out.add(m);
            }
        }
        return cap(out);
    }

    private static Mask combine(String op, Mask l, Mask r) {
        if (l.isConstant() && r.isConstant()) {
            return switch (op) {
                case "|" -> Mask.constant(l.or() | r.or());
                case "&" -> Mask.constant(l.or() & r.or());
                case "^" -> Mask.constant(l.or() ^ r.or());
                case "+" -> Mask.constant(l.or() + r.or());
                case "<<" -> Mask.constant(l.or() << r.or());
                default -> null;
            };
        }
        if (l.isConstant() == r.isConstant()) {
            return null; // two parameters combined: not a shape dovelint follows
        }
        Mask p = l.isConstant() ? r : l;
        long c = l.isConstant() ? l.or() : r.or();
        return switch (op) {
            case "|" -> p.orWith(c);
            case "&" -> p.andWith(c);
            default -> null;
        };
    }

    private static Set<Mask> constants(Set<Mask> v, java.util.function.LongUnaryOperator f) {
        Set<Mask> out = new LinkedHashSet<>();
        for (Mask m : v) {
            if (!m.isConstant()) {
                return null;
            }
            out.add(Mask.constant(f.applyAsLong(m.or())));
        }
        return out;
    }

    private static Set<Mask> union(Set<Mask> a, Set<Mask> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<Mask> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return cap(out);
    }

    private static Set<Mask> cap(Set<Mask> s) {
        if (s.size() <= MAX_ALTERNATIVES) {
            return s;
        }
        Set<Mask> out = new LinkedHashSet<>();
        for (Mask m : s) {
            if (out.size() == MAX_ALTERNATIVES) {
                break;
            }
            out.add(m);
        }
        return out;
    }
}
