package io.github.dovelint.parse;

import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeOwner;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;

/**
 * Finds GNU attributes ({@code __attribute__((...))}) on declarations. CDT
 * attaches them to the declaration specifier when written before the
 * declarator ({@code __weak void f(void)}, {@code void __weak f(void)}) and to
 * the declarator when written after it ({@code void f(void) __weak;}), as a
 * {@code GCCASTAttributeList}; this class looks in both places so rules need
 * not care. Attribute arguments are not kept by CDT; only names are.
 */
public final class Attributes {

    private Attributes() {
    }

    /**
     * Whether the declaration carries the GNU attribute {@code name}; names are
     * compared with surrounding double underscores stripped, so {@code "weak"}
     * matches both {@code weak} (dovelint's prelude) and {@code __weak__}
     * (kernel headers).
     */
    public static boolean hasGccAttribute(IASTDeclaration declaration, String name) {
        if (declaration instanceof IASTFunctionDefinition definition) {
            return has(definition.getDeclSpecifier(), name) || has(definition.getDeclarator(), name);
        }
        if (declaration instanceof IASTSimpleDeclaration simple) {
            if (has(simple.getDeclSpecifier(), name)) {
                return true;
            }
            for (IASTDeclarator declarator : simple.getDeclarators()) {
                if (has(declarator, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the function definition is {@code __weak}. */
    public static boolean isWeak(IASTFunctionDefinition definition) {
        return hasGccAttribute(definition, "weak");
    }

    private static boolean has(IASTAttributeOwner owner, String name) {
        if (owner == null) {
            return false;
        }
        String wanted = strip(name);
        for (IASTAttributeSpecifier specifier : owner.getAttributeSpecifiers()) {
            for (IASTAttribute attribute : specifier.getAttributes()) {
                if (wanted.equals(strip(new String(attribute.getName())))) {
                    return true;
                }
            }
        }
        for (IASTAttribute attribute : owner.getAttributes()) {
            if (wanted.equals(strip(new String(attribute.getName())))) {
                return true;
            }
        }
        if (owner instanceof IASTDeclarator declarator && declarator.getNestedDeclarator() != null) {
            return has(declarator.getNestedDeclarator(), name);
        }
        return false;
    }

    private static String strip(String name) {
        String s = name;
        if (s.startsWith("__") && s.endsWith("__") && s.length() > 4) {
            s = s.substring(2, s.length() - 2);
        }
        return s;
    }

}
