package io.github.dovelint.match;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Factories of {@link EventMatcher}s and {@link ExprMatcher}s, to be read as
 * what a rule looks at: {@code call("lookup_fd_rcu")},
 * {@code index(member("fd").of(fdtable()))}. Each one states its predicate and
 * its footprint side by side, so that a rule built from them states what it
 * looks at once.
 */
public final class Matchers {

    private Matchers() {
    }

    /** A call, direct or through a macro, of one of these functions. */
    public static EventMatcher call(String... names) {
        List<String> list = List.of(names);
        return call(kb -> list);
    }

    /** A call of one of the functions the knowledge base names ({@code kb -> kb.hooks()}). */
    public static EventMatcher call(Function<KnowledgeBase, ? extends Collection<String>> names) {
        return new EventMatcher() {
            @Override
            public boolean matches(Cfg.Event event, FunctionFacts in, KnowledgeBase kb) {
                return event instanceof Cfg.Call c && c.name() != null && names.apply(kb).contains(c.name());
            }

            @Override
            public Footprint footprint(KnowledgeBase kb) {
                return Footprint.anyOf(names.apply(kb));
            }
        };
    }

    /** A subscript read {@code p[i]} whose pointer {@code p} matches. */
    public static EventMatcher index(ExprMatcher pointer) {
        return new EventMatcher() {
            @Override
            public boolean matches(Cfg.Event event, FunctionFacts in, KnowledgeBase kb) {
                return event instanceof Cfg.Deref d && d.kind() == Cfg.DerefKind.INDEX
                        && pointer.matches(d.pointer(), in, kb);
            }

            @Override
            public Footprint footprint(KnowledgeBase kb) {
                // The index records a member followed by '[' as "member[": the tighter footprint.
                return pointer instanceof MemberMatcher m
                        ? Footprint.allOf(m.field + "[").and(m.owner.footprint(kb))
                        : pointer.footprint(kb);
            }
        };
    }

    /** {@code owner->field}, for any owner until {@link MemberMatcher#of} says which. */
    public static MemberMatcher member(String field) {
        return new MemberMatcher(field, anything());
    }

    /** Any expression; its footprint asks nothing of the function's text. */
    public static ExprMatcher anything() {
        return new ExprMatcher() {
            @Override
            public boolean matches(Expr e, FunctionFacts in, KnowledgeBase kb) {
                return true;
            }

            @Override
            public Footprint footprint(KnowledgeBase kb) {
                return new Footprint(List.of(List.of()));
            }
        };
    }

    /** {@code owner->field} through a pointer ({@code ->}, not {@code .}). */
    public static final class MemberMatcher implements ExprMatcher {

        private final String field;
        private final ExprMatcher owner;

        private MemberMatcher(String field, ExprMatcher owner) {
            this.field = field;
            this.owner = owner;
        }

        /** The same member, of an owner that matches {@code owner}. */
        public MemberMatcher of(ExprMatcher owner) {
            return new MemberMatcher(field, owner);
        }

        @Override
        public boolean matches(Expr e, FunctionFacts in, KnowledgeBase kb) {
            return e instanceof Expr.Member m && m.arrow() && m.field().equals(field)
                    && owner.matches(m.owner(), in, kb);
        }

        @Override
        public Footprint footprint(KnowledgeBase kb) {
            return Footprint.allOf(field).and(owner.footprint(kb));
        }
    }
}
