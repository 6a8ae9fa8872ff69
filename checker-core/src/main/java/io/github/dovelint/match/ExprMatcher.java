package io.github.dovelint.match;

import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;

/**
 * A predicate over an expression written in a function (the pointer of a
 * dereference, a call's argument), with what the function's text must
 * mention for it to hold ({@link Footprint}). See {@link EventMatcher}.
 */
public interface ExprMatcher {

    /** Whether {@code e}, written in {@code in}, is one this matcher looks for. */
    boolean matches(Expr e, FunctionFacts in, KnowledgeBase kb);

    /** What a function must mention for {@link #matches} to hold for one of its expressions. */
    Footprint footprint(KnowledgeBase kb);
}
