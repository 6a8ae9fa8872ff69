package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.facts.Expr;
import io.github.dovelint.flow.NullTest;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a helper's returned value says about the oob pointer, for NULL checks written through a
 * predicate ({@code static inline bool is_oob(struct file *f) { return f->oob_data != NULL; }},
 * then {@code if (!is_oob(filp)) return;}): a test of the oob pointer counts as the test it
 * stands for (docs/contracts.md#c53-hooks-test-it-for-null).
 */
final class OobPredicates {

    private OobPredicates() {
    }

    /**
     * The sources a returned {@code value} tests non-NULL when its truth is {@code when}: for
     * true, those of {@code p}, {@code p != NULL}, {@code !!p}, an accessor's result; for false,
     * those of {@code !p}, {@code p == NULL}; through a predicate returned in turn. Empty when it
     * tests nothing so; null when it is a constant of the other truth ({@code return false;} says
     * nothing against what a true result means).
     */
    static Set<String> tested(OobFlow flow, OobFlow.State s, Expr value, boolean when) {
        Boolean constant = constant(value);
        if (constant != null) {
            return constant == when ? Set.of() : null;
        }
        if (value instanceof Expr.Unary u && u.op().equals("!")) {
            return tested(flow, s, u.operand(), !when);
        }
        Expr e = flow.unwrap(value);
        if (e instanceof Expr.Call c) {
            Set<String> read = flow.sources(s, c);
            if (!read.isEmpty()) {
                return when ? read : Set.of(); // an accessor: true when what it returns is non-NULL
            }
            return flow.tested(s, c, when);
        }
        NullTest t = NullTest.of(e);
        if (t == null || t.nonNullWhenTrue() != when) {
            return Set.of();
        }
        return new TreeSet<>(flow.sources(s, t.pointer()));
    }

    /** The sources every returned value tests non-NULL when true; {@code acc} null: none seen yet. */
    static Set<String> meet(Set<String> acc, Set<String> one) {
        if (one == null) {
            return acc;
        }
        if (acc == null) {
            return new TreeSet<>(one);
        }
        Set<String> out = new TreeSet<>(acc);
        out.retainAll(one);
        return out;
    }

    /** The truth of a constant ({@code 0}, {@code 1}, {@code NULL}, {@code true}, {@code false}), else null. */
    private static Boolean constant(Expr e) {
        if (NullTest.isNull(e) || (e instanceof Expr.Name n && n.id().equals("false"))) {
            return false;
        }
        if ((e instanceof Expr.Number z && z.value() != 0) || (e instanceof Expr.Name n && n.id().equals("true"))) {
            return true;
        }
        return null;
    }
}
