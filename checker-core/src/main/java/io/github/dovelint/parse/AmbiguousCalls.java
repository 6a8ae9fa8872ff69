package io.github.dovelint.parse;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArrayDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.c.ICNodeFactory;
import org.eclipse.cdt.internal.core.dom.parser.ASTNode;
import org.eclipse.cdt.internal.core.dom.parser.IASTAmbiguityParent;
import org.eclipse.cdt.internal.core.dom.parser.c.CNodeFactory;

/**
 * Calls the parser took for declarations. Without the kernel's headers,
 * {@code spin_lock(sb_bgl_lock(sbi, group));} reads two ways: a call, or the
 * declaration of a function {@code sb_bgl_lock} returning a type named
 * {@code spin_lock}, with parameters of types {@code sbi} and {@code group}.
 * When none of the names is declared in the file (they come from headers),
 * CDT keeps the declaration, and the call, often a lock or a sleeping one, is
 * lost (about 200 such statements in Linux 6.1).
 *
 * <p>Such a declaration cannot be one: its return type and parameter types
 * name no type the file knows. So inside a function body, a declaration
 * statement of the shape {@code f(g(a, b, ...));} where {@code f}, {@code a},
 * {@code b}... are unknown names and nothing else is written (no
 * qualifier, pointer or initializer) is replaced by the call it spells, with
 * the positions of the names it is made of.
 */
final class AmbiguousCalls {

    private AmbiguousCalls() {
    }

    /** Rewrites every such statement of {@code tu} as a call; how many were. */
    static int repair(IASTTranslationUnit tu) {
        List<IASTDeclarationStatement> found = new ArrayList<>();
        tu.accept(new ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement statement) {
                if (statement instanceof IASTDeclarationStatement d && callShaped(d)
                        && d.getParent() instanceof IASTAmbiguityParent) {
                    found.add(d);
                }
                return PROCESS_CONTINUE;
            }
        });
        for (IASTDeclarationStatement d : found) {
            ((IASTAmbiguityParent) d.getParent()).replace(d, asCall(d));
        }
        return found.size();
    }

    /** Whether a declaration statement is {@code f(g(a, ...));} with unknown names only. */
    static boolean callShaped(IASTDeclarationStatement statement) {
        if (!(statement.getDeclaration() instanceof IASTSimpleDeclaration sd)
                || !(sd.getDeclSpecifier() instanceof IASTNamedTypeSpecifier type) || !bare(type)
                || sd.getDeclarators().length != 1) {
            return false;
        }
        IASTDeclarator outer = sd.getDeclarators()[0];
        if (!plain(outer) || outer.getName().toCharArray().length != 0
                || !(outer.getNestedDeclarator() instanceof IASTStandardFunctionDeclarator inner)
                || inner.getPointerOperators().length != 0 || inner.getNestedDeclarator() != null
                || inner.getInitializer() != null || inner.takesVarArgs()
                || inner.getName().toCharArray().length == 0) {
            return false;
        }
        for (IASTParameterDeclaration p : inner.getParameters()) {
            if (argument(p) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name a parameter declaration spells if it is a bare identifier: {@code x} read as a
     * parameter named x of no type (the parser's reading), or as an unnamed one of a type
     * named x; else null.
     */
    private static IASTName argument(IASTParameterDeclaration p) {
        IASTDeclarator d = p.getDeclarator();
        if (!plain(d) || d.getNestedDeclarator() != null) {
            return null;
        }
        boolean named = d.getName().toCharArray().length != 0;
        if (p.getDeclSpecifier() instanceof IASTSimpleDeclSpecifier s && named
                && s.getType() == IASTSimpleDeclSpecifier.t_unspecified && !s.isLong() && !s.isShort()
                && !s.isSigned() && !s.isUnsigned() && !s.isLongLong() && !s.isComplex() && !s.isImaginary()
                && s.getStorageClass() == IASTDeclSpecifier.sc_unspecified && !s.isConst() && !s.isVolatile()
                && !s.isRestrict() && !s.isInline()) {
            return d.getName();
        }
        if (p.getDeclSpecifier() instanceof IASTNamedTypeSpecifier t && !named && bare(t)) {
            return t.getName();
        }
        return null;
    }

    /** A type name alone (no storage class or qualifier) that names no type the file knows. */
    private static boolean bare(IASTNamedTypeSpecifier s) {
        if (s.getStorageClass() != IASTDeclSpecifier.sc_unspecified || s.isConst() || s.isVolatile()
                || s.isInline() || s.isRestrict()) {
            return false;
        }
        IBinding b = s.getName().resolveBinding();
        return b instanceof IProblemBinding || !(b instanceof IType); // a problem binding is an IType too
    }

    /** A declarator that is no array or function, with no pointer and no initializer. */
    private static boolean plain(IASTDeclarator d) {
        return !(d instanceof IASTFunctionDeclarator) && !(d instanceof IASTArrayDeclarator)
                && !(d instanceof IASTFieldDeclarator) && d.getPointerOperators().length == 0
                && d.getInitializer() == null;
    }

    private static IASTExpressionStatement asCall(IASTDeclarationStatement d) {
        ICNodeFactory f = CNodeFactory.getDefault();
        IASTSimpleDeclaration sd = (IASTSimpleDeclaration) d.getDeclaration();
        IASTName outerName = ((IASTNamedTypeSpecifier) sd.getDeclSpecifier()).getName();
        IASTDeclarator outer = sd.getDeclarators()[0];
        IASTStandardFunctionDeclarator inner = (IASTStandardFunctionDeclarator) outer.getNestedDeclarator();
        List<IASTInitializerClause> args = new ArrayList<>();
        for (IASTParameterDeclaration p : inner.getParameters()) {
            args.add(id(f, argument(p)));
        }
        IASTFunctionCallExpression innerCall = at(f.newFunctionCallExpression(id(f, inner.getName()),
                args.toArray(new IASTInitializerClause[0])), inner.getName(), inner);
        IASTFunctionCallExpression outerCall = at(f.newFunctionCallExpression(id(f, outerName),
                new IASTInitializerClause[] {innerCall}), outerName, outer);
        return at(f.newExpressionStatement(outerCall), d, d);
    }

    /** An identifier expression naming what {@code name} names, where it is written. */
    private static IASTExpression id(ICNodeFactory f, IASTName name) {
        IASTName copy = at(f.newName(name.toCharArray()), name, name);
        return at(f.newIdExpression(copy), name, name);
    }

    /** {@code node}, placed from the start of {@code from} to the end of {@code to}. */
    private static <T extends IASTNode> T at(T node, IASTNode from, IASTNode to) {
        int start = ((ASTNode) from).getOffset();
        int end = ((ASTNode) to).getOffset() + ((ASTNode) to).getLength();
        ((ASTNode) node).setOffsetAndLength(start, end - start);
        return node;
    }
}
