package io.github.dovelint.facts;

import java.util.List;

/**
 * A small, AST-free model of a C expression: enough to evaluate GFP masks,
 * recognise {@code current}, follow function-pointer assignments and print
 * what the user wrote. Facts keep these instead of CDT nodes so that they can
 * be cached and outlive the AST.
 */
public sealed interface Expr {

    /**
     * The expression in C. Names, literals and {@link Other} keep what was
     * written; composite expressions are printed from their parts in the
     * kernel's style ({@code a->b}, {@code f(x, y)}, {@code A | B}), with the
     * parentheses precedence needs and casts left out. Facts of a whole tree
     * hold millions of expressions, so their source texts are not stored.
     */
    String text();

    /** True for {@code current} and {@code get_current()} (what {@code current} expands to with headers). */
    static boolean isCurrentTask(Expr e) {
        return (e instanceof Name n && n.id().equals("current"))
                || (e instanceof Call c && c.callee().equals("get_current") && c.args().isEmpty());
    }

    /** The function a pointer is taken from ({@code helper} or {@code &helper}), or null. */
    /** {@code e} without the parentheses around it. */
    static Expr withoutParens(Expr e) {
        Expr cur = e;
        while (cur instanceof Unary u && u.op().equals("()")) {
            cur = u.operand();
        }
        return cur;
    }

    static String functionRef(Expr e) {
        if (e instanceof Name n) {
            return n.id();
        }
        if (e instanceof Unary u && u.op().equals("&") && u.operand() instanceof Name n) {
            return n.id();
        }
        return null;
    }

    /**
     * A canonical text, rebuilt from the structure rather than copied from the
     * source, so that two writings of one access compare equal and a use inside
     * a macro expansion reads as the expanded code, not as the macro call:
     * {@code (file)->oob_data} and {@code file -> oob_data} give {@code file->oob_data}, and
     * {@code (&file->f_oob_state)->data} gives {@code file->f_oob_state.data}.
     */
    static String canonical(Expr e) {
        return canonical(e, 0);
    }

    private static String canonical(Expr e, int depth) {
        if (depth > 32) {
            return e.text().replace(" ", "");
        }
        if (e instanceof Name n) {
            return n.id();
        }
        if (e instanceof Member m && m.arrow() && m.owner() instanceof Unary u && u.op().equals("&")) {
            return canonical(u.operand(), depth + 1) + "." + m.field(); // (&f->f_oob_state)->data is f->f_oob_state.data
        }
        if (e instanceof Member m) {
            return canonical(m.owner(), depth + 1) + (m.arrow() ? "->" : ".") + m.field();
        }
        if (e instanceof Unary u) {
            return u.op() + canonical(u.operand(), depth + 1);
        }
        return e.text().replace(" ", "");
    }

    /** An identifier: a variable, parameter, function, enumerator or macro-free constant name. */
    record Name(String id) implements Expr {
        private static final Interner<String, Name> SEEN = new Interner<>();

        public Name {
            id = Shared.of(id);
        }

        /**
         * A name equal to {@code new Name(id)}, shared with earlier calls: a whole
         * tree's facts name the same variables millions of times.
         */
        public static Name of(String id) {
            return SEEN.of(Shared.of(id), Name::new);
        }

        @Override
        public String text() {
            return id;
        }
    }

    /** An integer literal, and its spelling ({@code 0x10}, {@code 4UL}). */
    record Number(long value, String text) implements Expr {
        private static final Interner<Number, Number> SEEN = new Interner<>();

        public Number {
            text = Shared.of(text);
        }

        /**
         * A literal equal to {@code new Number(value, text)}, shared with earlier calls:
         * drivers write the same register offsets and masks millions of times.
         */
        public static Number of(long value, String text) {
            return SEEN.of(new Number(value, text), n -> n);
        }
    }

    /** A unary operator: {@code ~ ! - & *} and friends, with CDT's operator spelled in C. */
    record Unary(String op, Expr operand) implements Expr {
        @Override
        public String text() {
            return Rendering.of(this);
        }
    }

    /** A binary operator, spelled in C ({@code |}, {@code &}, {@code +}, ...). */
    record Binary(String op, Expr left, Expr right) implements Expr {
        @Override
        public String text() {
            return Rendering.of(this);
        }
    }

    /** {@code cond ? yes : no}. */
    record Conditional(Expr condition, Expr yes, Expr no) implements Expr {
        @Override
        public String text() {
            return Rendering.of(this);
        }
    }

    /** A call used as a value: {@code get_current()}. */
    record Call(String callee, List<Expr> args) implements Expr {
        public Call {
            callee = Shared.of(callee);
            args = List.copyOf(args);
        }

        @Override
        public String text() {
            return Rendering.of(this);
        }
    }

    /** {@code owner->field} or {@code owner.field}. */
    record Member(Expr owner, String field, boolean arrow) implements Expr {
        public Member {
            field = Shared.of(field);
        }

        @Override
        public String text() {
            return Rendering.of(this);
        }
    }

    /** Anything else, as written (casts are looked through, so this is rarely needed for masks). */
    record Other(String text) implements Expr {
        public Other {
            text = Shared.of(text);
        }
    }
}
