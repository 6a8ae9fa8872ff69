package io.github.dovelint.parse;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/** Small AST queries for the parse tests. */
final class Asts {

    private Asts() {
    }

    /** Names of directly called functions under {@code node}, in order. */
    static List<String> calls(IASTNode node) {
        List<String> names = new ArrayList<>();
        node.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression expression) {
                if (expression instanceof IASTFunctionCallExpression call
                        && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
                    names.add(id.getName().toString());
                }
                return PROCESS_CONTINUE;
            }
        });
        return names;
    }

    /** Identifiers used as expressions under {@code node}. */
    static List<String> idExpressions(IASTNode node) {
        List<String> names = new ArrayList<>();
        node.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression expression) {
                if (expression instanceof IASTIdExpression id) {
                    names.add(id.getName().toString());
                }
                return PROCESS_CONTINUE;
            }
        });
        return names;
    }

    /** The function definition called {@code name}, or null. */
    static IASTFunctionDefinition function(IASTTranslationUnit tu, String name) {
        for (IASTDeclaration declaration : tu.getDeclarations()) {
            if (declaration instanceof IASTFunctionDefinition definition
                    && definition.getDeclarator().getName().toString().equals(name)) {
                return definition;
            }
        }
        return null;
    }

    /** Declarations of the main file only (not the prelude, not headers; isPartOfTranslationUnitFile() is true for the prelude). */
    static List<IASTDeclaration> ownDeclarations(IASTTranslationUnit tu) {
        List<IASTDeclaration> own = new ArrayList<>();
        for (IASTDeclaration declaration : tu.getDeclarations()) {
            if (declaration.getFileLocation() != null
                    && declaration.getFileLocation().getFileName().equals(tu.getFilePath())) {
                own.add(declaration);
            }
        }
        return own;
    }
}
