package io.github.dovelint.parse;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTGenericVisitor;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTProblem;

/**
 * The one walk over a fresh AST before anything else looks at it: finds
 * whether the tree is deeper than the depth limit (so that a file too deep for
 * the recursive walks after parsing, fact extraction among them, is skipped
 * before any of them runs) and collects its problem nodes for
 * {@link ProblemCollector}. Depth counts every node as
 * {@link IASTNode#getChildren()} does.
 *
 * <p>The walk recurses, but never deeper than CDT's own ambiguity resolution
 * has just recursed over the same tree (and it stops one level past the
 * limit), so it cannot overflow a stack that parsing did not.
 */
final class AstScan extends ASTGenericVisitor {

    private final int limit;
    private final List<IASTProblem> problems = new ArrayList<>();
    private int depth;
    private int tooDeepLine;

    private AstScan(int limit) {
        super(true);
        this.limit = limit;
    }

    /** Walks {@code root}, stopping at the first node deeper than {@code limit}. */
    static AstScan of(IASTNode root, int limit) {
        AstScan scan = new AstScan(limit);
        root.accept(scan);
        return scan;
    }

    /**
     * The line (at least 1) of the first node deeper than the limit, or 0 when
     * the tree is within it.
     */
    int tooDeepLine() {
        return tooDeepLine;
    }

    /** The problem nodes of the tree, in walk order (complete only when {@link #tooDeepLine()} is 0). */
    List<IASTProblem> problems() {
        return problems;
    }

    @Override
    protected int genericVisit(IASTNode node) {
        if (++depth > limit) {
            IASTFileLocation where = node.getFileLocation();
            tooDeepLine = where == null ? 1 : Math.max(1, where.getStartingLineNumber());
            return PROCESS_ABORT;
        }
        if (node instanceof IASTProblem problem) {
            problems.add(problem);
        }
        return PROCESS_CONTINUE;
    }

    @Override
    protected int genericLeave(IASTNode node) {
        depth--;
        return PROCESS_CONTINUE;
    }
}
