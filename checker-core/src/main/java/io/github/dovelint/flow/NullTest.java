package io.github.dovelint.flow;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;

/**
 * A test of a pointer against NULL, read off an edge condition: {@code p},
 * {@code p != NULL}, {@code p == NULL}, {@code p == 0}, {@code IS_ERR_OR_NULL(p)},
 * {@code helper(x)} (the value it returns; whether that is a pointer is the caller's business)
 * ({@code !p} and {@code &&}/{@code ||} are already split by the graph).
 *
 * @param pointer         the tested pointer
 * @param nonNullWhenTrue whether the condition being true means the pointer is non-NULL
 */
public record NullTest(Expr pointer, boolean nonNullWhenTrue) {

    /** The NULL test a condition performs, or null when it is not one. */
    public static NullTest of(Expr condition) {
        if (condition instanceof Expr.Name || condition instanceof Expr.Member) {
            return new NullTest(condition, true);
        }
        if (condition instanceof Expr.Binary b && (b.op().equals("==") || b.op().equals("!="))) {
            boolean eq = b.op().equals("==");
            if (isNull(b.right())) {
                return new NullTest(b.left(), !eq);
            }
            if (isNull(b.left())) {
                return new NullTest(b.right(), !eq);
            }
        }
        if (condition instanceof Expr.Call c && c.args().size() == 1
                && (c.callee().equals("IS_ERR_OR_NULL") || c.callee().equals("ZERO_OR_NULL_PTR"))) {
            return new NullTest(c.args().get(0), false);
        }
        if (condition instanceof Expr.Call) {
            return new NullTest(condition, true); // if (evl_ctx(file)): the value a helper returns
        }
        return null;
    }

    /** The NULL test an edge's condition performs, or null. */
    public static NullTest of(Cfg.Edge edge) {
        return edge.condition() == null ? null : of(edge.condition());
    }

    /** Whether taking {@code edge} (whose condition is this test) means the pointer is non-NULL. */
    public boolean nonNullAlong(Cfg.Edge edge) {
        return edge.when() == nonNullWhenTrue;
    }

    /** {@code NULL}, {@code 0}, {@code (void *)0}. */
    public static boolean isNull(Expr e) {
        return (e instanceof Expr.Name n && n.id().equals("NULL")) || (e instanceof Expr.Number z && z.value() == 0)
                || (e instanceof Expr.Other o && o.text().replace(" ", "").matches("\\(\\(?void\\*\\)0\\)?"));
    }

    /**
     * A canonical text for a pointer expression, to compare two writings of the
     * same access: {@code file->oob_data}, {@code (file)->oob_data} and
     * {@code file -> oob_data} all give {@code file->oob_data}.
     */
    public static String key(Expr e) {
        return Expr.canonical(e);
    }
}
