package io.github.dovelint.match;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;

/**
 * A predicate over the events of a function's control-flow graph (a call, a
 * dereference...), together with what the function's text must mention for
 * it to hold somewhere ({@link Footprint}). Rules build their checks from
 * these and derive what a run must parse from the same objects, so the two
 * cannot drift apart. Build them with {@link Matchers}.
 */
public interface EventMatcher {

    /** Whether {@code event}, in function {@code in}, is one this matcher looks for. */
    boolean matches(Cfg.Event event, FunctionFacts in, KnowledgeBase kb);

    /** What a function must mention for {@link #matches} to hold for one of its events. */
    Footprint footprint(KnowledgeBase kb);

    /** Whether some event of {@code f}'s control-flow graph matches (false when it has none). */
    default boolean anyIn(FunctionFacts f, KnowledgeBase kb) {
        if (!f.cfg().available()) {
            return false;
        }
        for (Cfg.Block b : f.cfg().blocks()) {
            for (Cfg.Event e : b.events()) {
                if (matches(e, f, kb)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** This matcher or that one. */
    default EventMatcher or(EventMatcher other) {
        EventMatcher self = this;
        return new EventMatcher() {
            @Override
            public boolean matches(Cfg.Event event, FunctionFacts in, KnowledgeBase kb) {
                return self.matches(event, in, kb) || other.matches(event, in, kb);
            }

            @Override
            public Footprint footprint(KnowledgeBase kb) {
                return self.footprint(kb).or(other.footprint(kb));
            }
        };
    }
}
