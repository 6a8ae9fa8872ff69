package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.OobPaths;
import io.github.dovelint.facts.Param;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.flow.NullTest;
import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which pointers are known non-NULL at each point, and which locals hold the
 * file's oob pointer. A "source" is where a pointer comes from: the oob
 * member itself ({@code file->oob_data}, {@code file->f_oob_state.data}) or, when summarising a helper, one
 * of its parameters ({@code @ctx}). Aliases are may-facts (union where paths
 * meet); non-NULL facts are must-facts (intersection). A dereference counts
 * as a test for what follows it: only the first unchecked one is reported.
 */
final class OobFlow implements FlowAnalysis<OobFlow.State> {

    /** Wrappers that return their argument's value. */
    private static final Set<String> READS = Set.of("READ_ONCE", "rcu_dereference", "rcu_dereference_raw",
            "rcu_access_pointer", "data_race");

    record State(Map<String, Set<String>> aliases, Set<String> nonNull) {
        State {
            aliases = Map.copyOf(aliases);
            nonNull = Set.copyOf(nonNull);
        }
    }

    /**
     * A use of a maybe-NULL oob pointer.
     *
     * @param sources where the pointer comes from
     * @param text    what the code wrote ({@code ctx}, {@code file->oob_data})
     * @param at      the dereference (or the call that dereferences it)
     * @param via     the callee that dereferences it, or null when dereferenced here
     */
    record Unchecked(Set<String> sources, String text, Location at, String via) {
    }

    private final FunctionFacts function;
    private final OobPaths oobPaths;
    private final OobDerefs helpers;
    private final boolean summary;

    OobFlow(FunctionFacts function, OobPaths oobPaths, OobDerefs helpers, boolean summary) {
        this.function = function;
        this.oobPaths = oobPaths;
        this.helpers = helpers;
        this.summary = summary;
    }

    @Override
    public State initial() {
        Map<String, Set<String>> aliases = new TreeMap<>();
        if (summary) {
            for (Param p : function.params()) {
                if (!p.name().isEmpty()) {
                    aliases.put(p.name(), Set.of("@" + p.name()));
                }
            }
        }
        return new State(aliases, Set.of());
    }

    @Override
    public State join(State a, State b) {
        Map<String, Set<String>> aliases = new TreeMap<>();
        a.aliases().forEach((k, v) -> aliases.put(k, new TreeSet<>(v)));
        b.aliases().forEach((k, v) -> aliases.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        Set<String> nonNull = new HashSet<>(a.nonNull());
        nonNull.retainAll(b.nonNull());
        return new State(aliases, nonNull);
    }

    Expr unwrap(Expr e) {
        Expr cur = e;
        for (int i = 0; i < 8 && cur instanceof Expr.Call c && READS.contains(c.callee()) && c.args().size() == 1;
                i++) {
            cur = c.args().get(0);
        }
        return cur;
    }

    boolean isOobMember(Expr e) {
        return oobPaths.isOob(unwrap(e));
    }

    /** Where the value of {@code e} may come from. */
    Set<String> sources(State s, Expr e) {
        Expr u = unwrap(e);
        if (oobPaths.isOob(u)) {
            return Set.of(NullTest.key(u));
        }
        if (u instanceof Expr.Name n) {
            return s.aliases().getOrDefault(n.id(), Set.of());
        }
        if (u instanceof Expr.Call c && helpers != null) {
            return helpers.returned(c, arg -> sources(s, arg));
        }
        return Set.of();
    }

    /** The oob sources a result of {@code call} of truth {@code when} means are non-NULL (a predicate), or none. */
    Set<String> tested(State s, Expr.Call call, boolean when) {
        return helpers == null ? Set.of() : helpers.tested(call, when, arg -> sources(s, arg));
    }

    boolean nonNull(State s, Expr e) {
        Expr u = unwrap(e);
        if (s.nonNull().contains(NullTest.key(u))) {
            return true;
        }
        if (u instanceof Expr.Call) {
            // a helper returning the oob pointer: as known as what it returns
            Set<String> src = sources(s, u);
            return !src.isEmpty() && s.nonNull().containsAll(src);
        }
        return false;
    }

    /** The uses of maybe-NULL oob pointers that {@code event} makes. */
    List<Unchecked> unchecked(State s, Cfg.Event event) {
        List<Unchecked> out = new ArrayList<>();
        if (event instanceof Cfg.Deref d) {
            Set<String> src = sources(s, d.pointer());
            if (!src.isEmpty() && !nonNull(s, d.pointer())) {
                out.add(new Unchecked(src, NullTest.key(unwrap(d.pointer())), d.location(), null));
            }
        } else if (event instanceof Cfg.Call c && helpers != null) {
            helpers.of(function, c.call()).forEach((index, uses) -> {
                Expr arg = c.call().arg(index);
                if (arg == null) {
                    return;
                }
                for (String use : uses) {
                    if (use.isEmpty()) {
                        Set<String> src = sources(s, arg);
                        if (!src.isEmpty() && !nonNull(s, arg)) {
                            out.add(new Unchecked(src, NullTest.key(unwrap(arg)), c.location(), c.name()));
                        }
                    } else {
                        String member = NullTest.key(unwrap(arg)) + "->" + use;
                        if (!s.nonNull().contains(member)) {
                            out.add(new Unchecked(Set.of(member), member, c.location(), c.name()));
                        }
                    }
                }
            });
        }
        return out;
    }

    @Override
    public State transfer(State s, Cfg.Event event) {
        State cur = s;
        for (Unchecked u : unchecked(s, event)) {
            cur = markNonNull(cur, u.text()); // it crashed already if it was NULL
        }
        if (event instanceof Cfg.Deref d) {
            cur = markNonNull(cur, NullTest.key(unwrap(d.pointer())));
        } else if (event instanceof Cfg.Assign a) {
            cur = assign(cur, a);
        }
        return cur;
    }

    private State assign(State s, Cfg.Assign a) {
        Map<String, Set<String>> aliases = new TreeMap<>(s.aliases());
        Set<String> nonNull = new HashSet<>(s.nonNull());
        String var = a.variable();
        if (var != null) {
            Set<String> src = sources(s, a.value());
            boolean known = nonNull(s, a.value());
            aliases.remove(var);
            nonNull.remove(var);
            nonNull.removeIf(k -> k.startsWith(var + "->") || k.startsWith(var + "."));
            if (!src.isEmpty()) {
                aliases.put(var, src);
                if (known) {
                    nonNull.add(var);
                }
            }
        } else {
            String key = NullTest.key(a.target());
            nonNull.remove(key);
            nonNull.removeIf(k -> k.startsWith(key + "->") || k.startsWith(key + "."));
            // the oob pointer changed: locals read from it before are still the old value
        }
        return new State(aliases, nonNull);
    }

    @Override
    public State branch(State s, Cfg.Edge edge) {
        NullTest t = NullTest.of(edge);
        if (t == null) {
            return s;
        }
        State cur = s;
        if (unwrap(t.pointer()) instanceof Expr.Call call) {
            for (String src : tested(s, call, edge.when())) {
                cur = markNonNull(cur, src); // if (!is_oob(file)) return;: a test of file->oob_data
            }
        }
        return t.nonNullAlong(edge) ? markNonNull(cur, NullTest.key(unwrap(t.pointer()))) : cur;
    }

    /** {@code key} is non-NULL, and so is what it aliases (a single source) and what aliases it. */
    private State markNonNull(State s, String key) {
        Set<String> nonNull = new HashSet<>(s.nonNull());
        nonNull.add(key);
        Set<String> src = s.aliases().get(key);
        if (src != null && src.size() == 1) {
            nonNull.add(src.iterator().next());
        }
        Map<String, Set<String>> byVar = new HashMap<>(s.aliases());
        byVar.forEach((var, from) -> {
            if (from.size() == 1 && (from.contains(key) || (src != null && src.size() == 1 && from.equals(src)))) {
                nonNull.add(var);
            }
        });
        return new State(s.aliases(), nonNull);
    }
}
