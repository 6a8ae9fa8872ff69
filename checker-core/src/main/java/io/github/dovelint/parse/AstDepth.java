package io.github.dovelint.parse;

import java.util.ArrayDeque;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * Measures the depth of an AST without recursion, so that a file whose tree
 * is too deep for the recursive walks after parsing (CDT's visitors, fact
 * extraction) is skipped before any of them runs.
 */
final class AstDepth {

    private AstDepth() {
    }

    /**
     * The line (at least 1) of the first node deeper than {@code limit}, or 0
     * when the tree is within it.
     */
    static int exceeds(IASTNode root, int limit) {
        ArrayDeque<IASTNode> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            IASTNode node = nodes.pop();
            int depth = depths.pop();
            if (depth > limit) {
                IASTFileLocation where = node.getFileLocation();
                return where == null ? 1 : Math.max(1, where.getStartingLineNumber());
            }
            for (IASTNode child : node.getChildren()) {
                if (child != null) {
                    nodes.push(child);
                    depths.push(depth + 1);
                }
            }
        }
        return 0;
    }
}
