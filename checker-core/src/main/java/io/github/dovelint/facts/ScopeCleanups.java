package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;

/**
 * Recognises the prelude's expansions of the kernel's scope-based cleanup
 * constructs ({@code include/linux/cleanup.h}; the prelude comment lists them)
 * and says what each stands for: the acquire call made where it is written,
 * and the {@link Cleanup} to run when its scope is left. The acquire is a
 * plain {@link CallFact} of the class's function ({@code mutex_lock(&m)}, marked
 * with the construct as its macro: {@code guard(mutex)}); {@link CfgBuilder}
 * places the cleanups on every way out of the scope, like C++ destructors.
 */
final class ScopeCleanups {

    /** The helper {@code guard(c)} expands to. */
    static final String GUARD = "__dl_guard";
    /** The helper {@code CLASS(c, var)} expands to. */
    static final String CLASS = "__dl_class";
    /** The helper {@code scoped_guard(c, ...)} expands to. */
    static final String SCOPE_ENTER = "__dl_scope_enter";
    /** The helper {@code scoped_cond_guard(c, fail, ...)} expands to. */
    static final String SCOPE_ENTER_COND = "__dl_scope_enter_cond";
    /** The attribute name prefix {@code __free(name)} expands to. */
    static final String FREE_ATTRIBUTE = "__dl_free_";
    /** The helper {@code no_free_ptr(p)} and {@code return_ptr(p)} expand to: its value is {@code p}. */
    static final String NO_FREE_PTR = "__dl_no_free_ptr";
    /** How a {@code __free()} cleanup is shown: {@code __free(kfree)}. */
    private static final String FREE_MACRO = "__free(";

    private ScopeCleanups() {
    }

    /**
     * What to call when a scope is left: {@code release(args)}, reported as written in {@code macro}.
     *
     * @param release the function called
     * @param args    its arguments
     * @param macro   the construct it comes from ({@code guard(mutex)}, {@code __free(kfree)})
     */
    record Cleanup(String release, List<Expr> args, String macro) {
        Cleanup {
            args = List.copyOf(args);
        }

        /** Whether this is a {@code __free()} cleanup, which a NULL in its variable disarms. */
        boolean isFree() {
            return macro.startsWith(FREE_MACRO);
        }

        /** The release call, made at {@code at}. */
        CallFact callAt(Location at) {
            return new CallFact(new Callee.Named(release), args, at, macro);
        }
    }

    /** A use of a cleanup class: the construct, the class name, and the call that carries its arguments. */
    record Use(String construct, String className, IASTFunctionCallExpression argumentsCall) {
        /** {@code guard(mutex)}, {@code scoped_guard(mutex)}, {@code CLASS(fd)}: how messages show it. */
        String macro() {
            return construct + "(" + className + ")";
        }

        /** The use's own arguments (the class name string of the scoped forms left out). */
        List<IASTInitializerClause> arguments() {
            IASTInitializerClause[] all = argumentsCall.getArguments();
            int from = construct.startsWith("scoped") ? 1 : 0;
            List<IASTInitializerClause> out = new ArrayList<>();
            for (int i = from; i < all.length; i++) {
                out.add(all[i]);
            }
            return out;
        }
    }

    /**
     * The use a call expression is, or null: {@code __dl_guard("c")(args)} and
     * {@code __dl_class("c")(args)} (the outer call), {@code __dl_scope_enter("c", args)}.
     */
    static Use of(IASTFunctionCallExpression call) {
        IASTExpression callee = ExprBuilder.stripParens(call.getFunctionNameExpression());
        if (callee instanceof IASTFunctionCallExpression inner) {
            String helper = name(inner);
            String cls = classArgument(inner);
            if (cls != null && helper.equals(GUARD)) {
                return new Use("guard", cls, call);
            }
            if (cls != null && helper.equals(CLASS)) {
                return new Use("CLASS", cls, call);
            }
            return null;
        }
        String helper = name(call);
        String cls = classArgument(call);
        if (cls != null && helper.equals(SCOPE_ENTER)) {
            return new Use("scoped_guard", cls, call);
        }
        if (cls != null && helper.equals(SCOPE_ENTER_COND)) {
            return new Use("scoped_cond_guard", cls, call);
        }
        return null;
    }

    /** The acquire call of a use of a known class, located at {@code at}. */
    static CallFact acquire(Use use, GuardClasses.GuardClass cls, Location at) {
        List<Expr> args = new ArrayList<>();
        for (IASTInitializerClause a : use.arguments()) {
            args.add(ExprBuilder.build(a));
        }
        return new CallFact(new Callee.Named(cls.acquire()), args, at, use.macro());
    }

    /** The cleanup of a use of a known class; {@code variable} is the declared name of a {@code CLASS}, else null. */
    static Cleanup cleanup(Use use, GuardClasses.GuardClass cls, CallFact acquire, String variable) {
        List<Expr> args = switch (cls.releaseArgument()) {
            case LOCK -> acquire.arg(0) == null ? List.of() : List.of(acquire.arg(0));
            case NONE -> List.of();
            case VARIABLE -> variable == null ? List.of() : List.of(Expr.Name.of(variable));
        };
        return new Cleanup(cls.release(), args, use.macro());
    }

    /** {@code T *p __free(kfree)}: the cleanup {@code kfree(p)}, or null when the declarator has none. */
    static Cleanup free(IASTDeclarator declarator, String variable) {
        for (IASTDeclarator d = declarator; d != null; d = d.getNestedDeclarator()) {
            for (IASTAttributeSpecifier spec : d.getAttributeSpecifiers()) {
                Cleanup c = free(spec.getAttributes(), variable);
                if (c != null) {
                    return c;
                }
            }
            @SuppressWarnings("deprecation")
            IASTAttribute[] direct = d.getAttributes();
            Cleanup c = free(direct, variable);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Cleanup free(IASTAttribute[] attributes, String variable) {
        for (IASTAttribute attribute : attributes) {
            String name = new String(attribute.getName());
            if (name.startsWith(FREE_ATTRIBUTE) && name.length() > FREE_ATTRIBUTE.length()) {
                String fn = name.substring(FREE_ATTRIBUTE.length());
                return new Cleanup(fn, List.of(Expr.Name.of(variable)), FREE_MACRO + fn + ")");
            }
        }
        return null;
    }

    /**
     * The variable {@code no_free_ptr(p)} or {@code return_ptr(p)} hands off ({@code p}), when
     * {@code call} is one and its argument a plain name; else null.
     */
    static String handedOff(IASTFunctionCallExpression call) {
        IASTInitializerClause[] args = call.getArguments();
        if (!NO_FREE_PTR.equals(name(call)) || args.length != 1) {
            return null;
        }
        IASTInitializerClause arg = args[0];
        while (arg instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u
                && u.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_bracketedPrimary) {
            arg = u.getOperand();
        }
        return arg instanceof IASTIdExpression id ? id.getName().toString() : null;
    }

    private static String name(IASTFunctionCallExpression call) {
        return ExprBuilder.stripParens(call.getFunctionNameExpression()) instanceof IASTIdExpression id
                ? id.getName().toString() : "";
    }

    /** The class name string a helper call starts with ({@code "mutex"}), or null. */
    private static String classArgument(IASTFunctionCallExpression call) {
        IASTInitializerClause[] args = call.getArguments();
        if (args.length == 0 || !(args[0] instanceof IASTLiteralExpression lit)
                || lit.getKind() != IASTLiteralExpression.lk_string_literal) {
            return null;
        }
        String text = lit.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : null;
    }
}
