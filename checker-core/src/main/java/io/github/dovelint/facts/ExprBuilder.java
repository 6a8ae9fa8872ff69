package io.github.dovelint.facts;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/** Builds {@link Expr} values from CDT expressions; depth is bounded so hostile input cannot overflow the stack. */
final class ExprBuilder {

    private static final int MAX_DEPTH = 64;
    /** Longest expression text kept or printed; longer ones end in "...". */
    static final int MAX_TEXT = 160;

    private ExprBuilder() {
    }

    static Expr build(IASTInitializerClause clause) {
        return build(clause, 0);
    }

    private static Expr build(IASTInitializerClause clause, int depth) {
        if (!(clause instanceof IASTExpression e)) {
            return new Expr.Other(text(clause));
        }
        if (depth > MAX_DEPTH) {
            return new Expr.Other(text(e));
        }
        int d = depth + 1;
        if (e instanceof IASTIdExpression id) {
            return Expr.Name.of(id.getName().toString());
        }
        if (e instanceof IASTLiteralExpression lit) {
            if (lit.getKind() == IASTLiteralExpression.lk_integer_constant) {
                Long value = parseInteger(String.valueOf(lit.getValue()));
                if (value != null) {
                    return Expr.Number.of(value, text(e));
                }
            }
            return new Expr.Other(text(e));
        }
        if (e instanceof IASTUnaryExpression u) {
            if (u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
                return build(u.getOperand(), d);
            }
            String op = unaryOperator(u.getOperator());
            return op == null ? new Expr.Other(text(e)) : new Expr.Unary(op, build(u.getOperand(), d));
        }
        if (e instanceof IASTCastExpression cast) {
            return build(cast.getOperand(), d);
        }
        if (e instanceof IASTBinaryExpression b) {
            String op = binaryOperator(b.getOperator());
            return op == null ? new Expr.Other(text(e))
                    : new Expr.Binary(op, build(b.getOperand1(), d), build(b.getOperand2(), d));
        }
        if (e instanceof IASTConditionalExpression c) {
            IASTExpression yes = c.getPositiveResultExpression();
            return new Expr.Conditional(build(c.getLogicalConditionExpression(), d),
                    yes == null ? build(c.getLogicalConditionExpression(), d) : build(yes, d),
                    build(c.getNegativeResultExpression(), d));
        }
        if (e instanceof IASTFunctionCallExpression call) {
            IASTInitializerClause[] handed = call.getArguments();
            if (handed.length == 1 && ScopeCleanups.NO_FREE_PTR.equals(calleeName(call.getFunctionNameExpression()))) {
                return build(handed[0], d); // no_free_ptr(p): the pointer itself
            }
            List<Expr> args = new ArrayList<>();
            for (IASTInitializerClause a : call.getArguments()) {
                args.add(build(a, d));
            }
            return new Expr.Call(calleeName(call.getFunctionNameExpression()), args);
        }
        if (e instanceof IASTFieldReference f) {
            return new Expr.Member(build(f.getFieldOwner(), d), shared(f.getFieldName().toString()),
                    f.isPointerDereference());
        }
        if (e instanceof IASTExpressionList list) {
            IASTExpression[] parts = list.getExpressions();
            return parts.length == 0 ? new Expr.Other(text(e)) : build(parts[parts.length - 1], d);
        }
        return new Expr.Other(text(e));
    }

    /** The name of a directly called function ({@code foo} in {@code foo(...)} or {@code (foo)(...)}), else its text. */
    static String calleeName(IASTExpression nameExpr) {
        IASTExpression e = stripParens(nameExpr);
        if (e instanceof IASTIdExpression id) {
            return id.getName().toString();
        }
        return text(nameExpr);
    }

    static IASTExpression stripParens(IASTExpression e) {
        IASTExpression cur = e;
        for (int i = 0; i < MAX_DEPTH; i++) {
            if (cur instanceof IASTUnaryExpression u
                    && (u.getOperator() == IASTUnaryExpression.op_bracketedPrimary
                        || u.getOperator() == IASTUnaryExpression.op_star)
                    && u.getOperand() != null) {
                cur = u.getOperand();
            } else if (cur instanceof IASTCastExpression c && c.getOperand() != null) {
                cur = c.getOperand();
            } else {
                return cur;
            }
        }
        return cur;
    }

    static String text(IASTNode node) {
        if (node == null) {
            return "";
        }
        String raw;
        try {
            raw = node.getRawSignature();
        } catch (RuntimeException ex) {
            return "";
        }
        return shared(capped(collapseWhitespace(raw)));
    }

    /** {@code s}, cut to {@link #MAX_TEXT} characters with "..." at the end when longer. */
    static String capped(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 3) + "..." : s;
    }

    /** See {@link Shared}. */
    static String shared(String s) {
        return Shared.of(s);
    }

    /** Runs of white space become one space, ends trimmed; called for every expression, so no regex. */
    static String collapseWhitespace(String raw) {
        StringBuilder sb = null;
        boolean space = false;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            boolean ws = Character.isWhitespace(c);
            if (sb == null) {
                if (ws && (c != ' ' || i == 0 || i + 1 == n || Character.isWhitespace(raw.charAt(i + 1)))) {
                    sb = new StringBuilder(n);
                    sb.append(raw, 0, i);
                } else {
                    continue;
                }
            }
            if (ws) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb == null ? raw : sb.toString().strip();
    }

    static Long parseInteger(String literal) {
        String s = literal.toLowerCase(java.util.Locale.ROOT).replace("'", "");
        while (!s.isEmpty() && (s.endsWith("u") || s.endsWith("l"))) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            if (s.startsWith("0x")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (s.startsWith("0b")) {
                return Long.parseUnsignedLong(s.substring(2), 2);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Long.parseUnsignedLong(s.substring(1), 8);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String unaryOperator(int op) {
        return switch (op) {
            case IASTUnaryExpression.op_tilde -> "~";
            case IASTUnaryExpression.op_not -> "!";
            case IASTUnaryExpression.op_minus -> "-";
            case IASTUnaryExpression.op_plus -> "+";
            case IASTUnaryExpression.op_amper -> "&";
            case IASTUnaryExpression.op_star -> "*";
            default -> null;
        };
    }

    private static String binaryOperator(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_binaryOr -> "|";
            case IASTBinaryExpression.op_binaryAnd -> "&";
            case IASTBinaryExpression.op_binaryXor -> "^";
            case IASTBinaryExpression.op_shiftLeft -> "<<";
            case IASTBinaryExpression.op_shiftRight -> ">>";
            case IASTBinaryExpression.op_plus -> "+";
            case IASTBinaryExpression.op_minus -> "-";
            case IASTBinaryExpression.op_multiply -> "*";
            case IASTBinaryExpression.op_logicalAnd -> "&&";
            case IASTBinaryExpression.op_logicalOr -> "||";
            case IASTBinaryExpression.op_equals -> "==";
            case IASTBinaryExpression.op_notequals -> "!=";
            default -> null;
        };
    }
}
