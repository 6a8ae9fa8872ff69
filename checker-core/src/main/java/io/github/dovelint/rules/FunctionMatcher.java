package io.github.dovelint.rules;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.BoundMember;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.match.EventMatcher;
import io.github.dovelint.match.Footprint;
import io.github.dovelint.spec.Hook;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The functions a rule starts from: the hooks, the handlers bound to some
 * members, the functions containing some event. The same object selects them
 * in a program ({@link #select}) and, before anything is parsed, tells the
 * lexical index how to find them ({@link #startingPoints}); a {@link Scope}
 * is made of these, so a rule says where it starts once.
 */
public interface FunctionMatcher {

    /** The functions of the context's program this matcher selects, in a stable order. */
    List<FunctionFacts> select(RuleContext context);

    /** How to find them without parsing: a superset of what {@link #select} gives. */
    StartingPoints startingPoints(KnowledgeBase kb);

    /**
     * What this matcher looks for, for a run where it selects nothing, as a short noun phrase without
     * an article: "hook definition", "uninstall_inband_fd definition", "fd-table read".
     */
    default String describe(KnowledgeBase kb) {
        return "function this rule starts from";
    }

    /** This matcher, described as {@code what}. */
    default FunctionMatcher describedAs(String what) {
        FunctionMatcher self = this;
        return new FunctionMatcher() {
            @Override
            public List<FunctionFacts> select(RuleContext context) {
                return self.select(context);
            }

            @Override
            public StartingPoints startingPoints(KnowledgeBase kb) {
                return self.startingPoints(kb);
            }

            @Override
            public String describe(KnowledgeBase kb) {
                return what;
            }
        };
    }

    /** Every definition of the Dovetail hooks, in the knowledge base's order. */
    static FunctionMatcher hooks() {
        return hooks(h -> true);
    }

    /**
     * The definitions of the hooks for which a property of the reference tracker's
     * contract table holds ({@code hooks(HookContracts::mayRunAtomic)}).
     */
    static FunctionMatcher hooks(Predicate<Hook> property) {
        return new FunctionMatcher() {
            @Override
            public List<FunctionFacts> select(RuleContext context) {
                return context.hooks(property);
            }

            @Override
            public StartingPoints startingPoints(KnowledgeBase kb) {
                return new StartingPoints(kb.hooks(), Footprint.NONE, List.of(), List.of());
            }

            @Override
            public String describe(KnowledgeBase kb) {
                List<String> names = new java.util.ArrayList<>();
                for (Hook h : Hook.values()) {
                    if (property.test(h)) {
                        names.add(RuleContext.hookName(kb, h));
                    }
                }
                return names.size() == Hook.values().length ? "hook definition"
                        : String.join(" or ", names) + " definition";
            }
        };
    }

    /** The handlers bound to one of these members of a {@code file_operations} (or an untyped table). */
    static FunctionMatcher boundTo(Function<KnowledgeBase, List<String>> members) {
        return new FunctionMatcher() {
            @Override
            public List<FunctionFacts> select(RuleContext context) {
                Map<String, FunctionFacts> out = new TreeMap<>();
                for (String member : members.apply(context.knowledge())) {
                    context.handlers(member).forEach(f -> out.putIfAbsent(f.id(), f));
                }
                return List.copyOf(out.values());
            }

            @Override
            public StartingPoints startingPoints(KnowledgeBase kb) {
                // the lexical index knows members by name, whatever their struct
                return new StartingPoints(List.of(), Footprint.NONE, List.of(),
                        members.apply(kb).stream().map(m -> BoundMember.of(m).field()).distinct().toList());
            }

            @Override
            public String describe(KnowledgeBase kb) {
                return "handler bound to " + String.join(", ",
                        members.apply(kb).stream().map(m -> BoundMember.of(m).display()).toList());
            }
        };
    }

    /** The functions with an event that matches, in the program's order. */
    static FunctionMatcher containing(EventMatcher event) {
        return where(event::footprint, event::anyIn);
    }

    /**
     * The functions for which {@code test} holds, in the program's order, found without parsing
     * by {@code footprint}, which must hold for every one of them.
     */
    static FunctionMatcher where(Function<KnowledgeBase, Footprint> footprint,
                                 java.util.function.BiPredicate<FunctionFacts, KnowledgeBase> test) {
        return new FunctionMatcher() {
            @Override
            public List<FunctionFacts> select(RuleContext context) {
                return context.program().functions().stream()
                        .filter(f -> test.test(f, context.knowledge())).toList();
            }

            @Override
            public StartingPoints startingPoints(KnowledgeBase kb) {
                return new StartingPoints(List.of(), footprint.apply(kb), List.of(), List.of());
            }
        };
    }

    /**
     * The functions that read, write or test {@code struct file}'s oob pointer (the profile's
     * member paths); the index finds those that mention every member of a path, the facts
     * confirm them.
     */
    static FunctionMatcher accessingOobPointer() {
        return new FunctionMatcher() {
            @Override
            public List<FunctionFacts> select(RuleContext context) {
                return context.program().functions().stream().filter(f -> !f.oobAccesses().isEmpty()).toList();
            }

            @Override
            public StartingPoints startingPoints(KnowledgeBase kb) {
                return new StartingPoints(List.of(), Footprint.NONE,
                        kb.oobFields().stream().map(io.github.dovelint.facts.OobPaths::footprint).toList(), List.of());
            }

            @Override
            public String describe(KnowledgeBase kb) {
                return "access to the oob pointer (" + String.join(", ", kb.oobFields()) + ")";
            }
        };
    }
}
