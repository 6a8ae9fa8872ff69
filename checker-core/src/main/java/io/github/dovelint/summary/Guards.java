package io.github.dovelint.summary;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Location;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tests in a function's body that make an effect it would have whatever its arguments depend
 * on them: a sleep behind a mask test happens only when the mask allows blocking
 * ({@link BlockingGuards}); anything behind a NULL test of a pointer parameter, only when it is
 * not NULL ({@link NullGuards}). {@link DerivedEffects} and {@link Summaries} both ask.
 */
record Guards(BlockingGuards blocking, NullGuards nulls) {

    static Guards of(FunctionFacts f, GfpEvaluator gfp) {
        return new Guards(BlockingGuards.of(f, gfp), NullGuards.of(f));
    }

    /** When an effect of {@code kind} under {@code c} at {@code at} happens, in the function's terms. */
    Set<Cond> at(Location at, EffectKind kind, Cond c) {
        if (!c.isAlways()) {
            return Set.of(c);
        }
        Set<Cond> out = new LinkedHashSet<>();
        for (Cond masked : blocking.at(at, kind, c)) {
            out.addAll(nulls.at(at, masked));
        }
        return out;
    }
}
