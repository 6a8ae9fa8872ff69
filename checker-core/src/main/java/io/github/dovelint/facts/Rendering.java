package io.github.dovelint.facts;

/**
 * Prints composite {@link Expr}s as C: binary operators with spaces around
 * them, and parentheses only where precedence needs them. Long results are
 * cut the way source texts are ({@link ExprBuilder#MAX_TEXT}).
 */
final class Rendering {

    /** Deeper operands are elided: expressions are depth-bounded already, this bounds the text too. */
    private static final int MAX_DEPTH = 32;

    private Rendering() {
    }

    static String of(Expr e) {
        StringBuilder sb = new StringBuilder();
        render(e, sb, 0);
        return ExprBuilder.capped(sb.toString());
    }

    private static void render(Expr e, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH || sb.length() > ExprBuilder.MAX_TEXT) {
            sb.append("...");
            return;
        }
        int d = depth + 1;
        if (e instanceof Expr.Unary u) {
            sb.append(u.op());
            operand(u.operand(), sb, d, PREFIX);
        } else if (e instanceof Expr.Binary b) {
            int p = precedence(b.op());
            operand(b.left(), sb, d, p);
            sb.append(' ').append(b.op()).append(' ');
            operand(b.right(), sb, d, p + 1); // left-associative: an equal right operand needs parentheses
        } else if (e instanceof Expr.Conditional c) {
            operand(c.condition(), sb, d, CONDITIONAL + 1);
            sb.append(" ? ");
            render(c.yes(), sb, d);
            sb.append(" : ");
            operand(c.no(), sb, d, CONDITIONAL);
        } else if (e instanceof Expr.Call c) {
            sb.append(c.callee()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                render(c.args().get(i), sb, d);
            }
            sb.append(')');
        } else if (e instanceof Expr.Member m) {
            operand(m.owner(), sb, d, POSTFIX);
            sb.append(m.arrow() ? "->" : ".").append(m.field());
        } else {
            sb.append(e.text());
        }
    }

    /** Renders {@code e} where an expression binding at least as tightly as {@code min} is needed. */
    private static void operand(Expr e, StringBuilder sb, int depth, int min) {
        boolean parens = precedenceOf(e) < min;
        if (parens) {
            sb.append('(');
        }
        render(e, sb, depth);
        if (parens) {
            sb.append(')');
        }
    }

    private static final int CONDITIONAL = 1;
    private static final int PREFIX = 14;
    private static final int POSTFIX = 15;

    private static int precedenceOf(Expr e) {
        if (e instanceof Expr.Binary b) {
            return precedence(b.op());
        }
        if (e instanceof Expr.Conditional) {
            return CONDITIONAL;
        }
        if (e instanceof Expr.Unary) {
            return PREFIX;
        }
        if (e instanceof Expr.Other o) {
            // written as is: a subscript, a sizeof, a comparison... Kernel style puts spaces around
            // binary operators, so text with a space in it may need parentheses.
            return o.text().indexOf(' ') < 0 ? POSTFIX : 0;
        }
        return POSTFIX; // names, numbers, calls, members
    }

    private static int precedence(String op) {
        return switch (op) {
            case "*", "/", "%" -> 13;
            case "+", "-" -> 12;
            case "<<", ">>" -> 11;
            case "<", ">", "<=", ">=" -> 10;
            case "==", "!=" -> 9;
            case "&" -> 8;
            case "^" -> 7;
            case "|" -> 6;
            case "&&" -> 5;
            case "||" -> 4;
            default -> 2;
        };
    }
}
