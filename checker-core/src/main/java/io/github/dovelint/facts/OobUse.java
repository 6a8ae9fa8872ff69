package io.github.dovelint.facts;

import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;

/**
 * Classifies a use of the oob pointer by its syntactic context: assigned,
 * tested against NULL (a condition, {@code !p}, {@code p == NULL}, an operand
 * of {@code &&}/{@code ||}), or read as a value.
 */
final class OobUse {

    private OobUse() {
    }

    static OobAccess.Kind of(IASTExpression ref) {
        IASTNode child = ref;
        IASTNode parent = ref.getParent();
        while (parent instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            child = parent;
            parent = parent.getParent();
        }
        if (parent instanceof IASTBinaryExpression b) {
            int op = b.getOperator();
            if (op == IASTBinaryExpression.op_assign && b.getOperand1() == child) {
                return OobAccess.Kind.WRITE;
            }
            if (op == IASTBinaryExpression.op_logicalAnd || op == IASTBinaryExpression.op_logicalOr) {
                return OobAccess.Kind.NULL_TEST;
            }
            if (op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_notequals) {
                IASTExpression other = b.getOperand1() == child ? b.getOperand2() : b.getOperand1();
                return isNull(ExprBuilder.build(other)) ? OobAccess.Kind.NULL_TEST : OobAccess.Kind.READ;
            }
            return OobAccess.Kind.READ;
        }
        if (parent instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) {
            return OobAccess.Kind.NULL_TEST;
        }
        if (isCondition(parent, child)) {
            return OobAccess.Kind.NULL_TEST;
        }
        return OobAccess.Kind.READ;
    }

    private static boolean isNull(Expr e) {
        return (e instanceof Expr.Name n && n.id().equals("NULL")) || (e instanceof Expr.Number z && z.value() == 0);
    }

    private static boolean isCondition(IASTNode parent, IASTNode child) {
        return (parent instanceof IASTIfStatement s && s.getConditionExpression() == child)
                || (parent instanceof IASTWhileStatement w && w.getCondition() == child)
                || (parent instanceof IASTDoStatement d && d.getCondition() == child)
                || (parent instanceof IASTForStatement f && f.getConditionExpression() == child)
                || (parent instanceof IASTConditionalExpression c && c.getLogicalConditionExpression() == child);
    }
}
