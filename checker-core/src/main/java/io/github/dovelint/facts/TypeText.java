package io.github.dovelint.facts;

import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * Spells types the way a C programmer writes them ({@code struct file *}),
 * from CDT bindings when they resolve, else from the source text.
 */
final class TypeText {

    private static final java.util.regex.Pattern STAR = java.util.regex.Pattern.compile("\\s*\\*");

    private TypeText() {
    }

    static String of(IASTParameterDeclaration p) {
        try {
            IBinding b = FactExtractor.innermost(p.getDeclarator()).getName().resolveBinding();
            if (b instanceof IVariable v && !(b instanceof IProblemBinding)) {
                String s = spell(v.getType());
                if (s != null) {
                    return s;
                }
            }
        } catch (RuntimeException e) {
            // fall back to the written text
        }
        String spec = ExprBuilder.text(p.getDeclSpecifier());
        String decl = ExprBuilder.text(p.getDeclarator());
        String name = FactExtractor.innermost(p.getDeclarator()).getName().toString();
        String stars = name.isEmpty() ? decl : decl.replace(name, "");
        return normalise(spec + " " + stars);
    }

    static String returnType(IASTFunctionDefinition def) {
        try {
            IBinding b = FactExtractor.innermost(def.getDeclarator()).getName().resolveBinding();
            if (b instanceof IFunction f && !(b instanceof IProblemBinding)) {
                String s = spell(f.getType().getReturnType());
                if (s != null) {
                    return s;
                }
            }
        } catch (RuntimeException e) {
            // fall back to the written text
        }
        return normalise(ExprBuilder.text(def.getDeclSpecifier()));
    }

    private static String spell(IType type) {
        if (type == null) {
            return null;
        }
        String s = ASTTypeUtil.getType(type, false);
        // CDT spells a struct it has not seen declared (struct file without kernel headers) as '?':
        // the text as written is then the better answer.
        return s == null || s.isBlank() || s.contains("ProblemType") || s.contains("?") ? null : normalise(s);
    }

    static String normalise(String s) {
        return STAR.matcher(ExprBuilder.collapseWhitespace(s)).replaceAll(" *").replace("* *", "**").strip();
    }
}
