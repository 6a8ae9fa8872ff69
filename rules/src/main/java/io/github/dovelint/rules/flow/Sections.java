package io.github.dovelint.rules.flow;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.flow.Solution;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fd-table protection in force at each point of a function: the
 * RCU read-side depth ({@code rcu_read_lock}, {@code _sched}, {@code _bh}),
 * whether a {@code ->file_lock} is held, and whether the code runs for a
 * hook (whose {@code files} argument the VFS protects). Must-facts: where
 * paths meet, the smaller depth, and a lock only if held on both.
 *
 * <p>A function's entry context is the meet over every call site in the
 * program (greatest fixed point, {@link #ROUNDS} rounds at most). Hooks start
 * in hook context; a function nothing else calls directly, or whose address
 * is stored (a {@code file_operations} handler, a callback), starts
 * unprotected. Helpers that return with RCU or a {@code file_lock} taken, or
 * that drop them, count as doing so at the call ({@link LockEffects}).
 *
 * <p>Entry contexts are computed on demand ({@link #prepare}) over the caller
 * cone of the functions asked about: an entry depends only on the callers'
 * entries, round by round, so the rounds over the cone give exactly what
 * rounds over the whole program would, for a fraction of the work. The cone
 * stops at functions that start unprotected: their entry is the bottom of the
 * lattice whatever their callers do. Rules first look at a function from an
 * unprotected entry ({@link #unprotected}), which can only be less protected
 * than its real one (the analysis is monotone in it), and ask for the real
 * entry only when that finds something. One instance per rule run; not thread-safe.
 */
final class Sections {

    static final int ROUNDS = 12;

    /** The protection in force. */
    record Ctx(int rcu, boolean fileLock, boolean hook) {
        static final Ctx NONE = new Ctx(0, false, false);
        static final Ctx TOP = new Ctx(LockFlow.CAP, true, true);
        static final Ctx HOOK = new Ctx(0, false, true);

        Ctx meet(Ctx o) {
            return new Ctx(Math.min(rcu, o.rcu), fileLock && o.fileLock, hook && o.hook);
        }

        boolean inRcu() {
            return rcu > 0;
        }
    }

    private final CallGraph graph;
    private final LockEffects effects;
    private final Set<String> hookIds = new HashSet<>();
    private final Set<String> bound = new HashSet<>();
    /** Entry contexts computed so far, each final (see {@link #prepare}). */
    private final Map<String, Ctx> entries = new HashMap<>();

    Sections(CallGraph graph, List<FunctionFacts> hooks) {
        this.graph = graph;
        this.effects = new LockEffects(graph);
        hooks.forEach(h -> hookIds.add(h.id()));
        for (FieldBinding b : graph.program().bindings()) {
            bound.add(b.function());
        }
    }

    /** The context on entry to {@code f}, computed with its callers if not known yet. */
    Ctx entry(FunctionFacts f) {
        if (!entries.containsKey(f.id())) {
            prepare(List.of(f));
        }
        return entries.get(f.id());
    }

    /** The analysis of one function's body from its entry context. */
    Solution<Ctx> solve(FunctionFacts f) {
        return Dataflow.forward(f.cfg(), new Flow(f, entry(f)));
    }

    /**
     * The analysis of one function's body from an unprotected entry: at every point no more
     * protected than {@link #solve} finds, so what is protected here is protected there.
     */
    Solution<Ctx> unprotected(FunctionFacts f) {
        return Dataflow.forward(f.cfg(), new Flow(f, Ctx.NONE));
    }

    /**
     * The fixed entry of a function whatever its callers: hooks start in hook context (met
     * with their callers'), functions nothing else calls or whose address is stored start
     * unprotected; null for the others.
     */
    private Ctx root(FunctionFacts f) {
        if (hookIds.contains(f.id())) {
            return Ctx.HOOK;
        }
        boolean called = false;
        for (FunctionFacts caller : graph.callers(f)) {
            if (!caller.id().equals(f.id())) {
                called = true;
                break;
            }
        }
        return !called || bound.contains(f.name()) ? Ctx.NONE : null;
    }

    /**
     * Computes the entry contexts of {@code functions} together: the rounds run over their
     * caller cone only, each round from the previous round's entries as over the whole
     * program, and stop where the cone is stable. A function starting unprotected ends the
     * cone (its entry stays {@link Ctx#NONE} in every round).
     */
    void prepare(Collection<FunctionFacts> functions) {
        Map<String, FunctionFacts> cone = new TreeMap<>(); // by id: the program's order
        Map<String, Ctx> roots = new HashMap<>();
        Deque<FunctionFacts> todo = new ArrayDeque<>(functions);
        while (!todo.isEmpty()) {
            FunctionFacts f = todo.poll();
            if (cone.putIfAbsent(f.id(), f) != null) {
                continue;
            }
            Ctx root = root(f);
            if (root != null) {
                roots.put(f.id(), root);
            }
            if (root != Ctx.NONE) {
                todo.addAll(graph.callers(f));
            }
        }
        Map<String, Ctx> current = new HashMap<>();
        cone.keySet().forEach(id -> current.put(id, roots.getOrDefault(id, Ctx.TOP)));
        // What each function passes to the callees of the cone, from its entry of the last round.
        // A function whose entry did not change passes the same again: only the others are solved
        // anew, which gives the rounds' very results (on a whole tree the cone is most of the
        // kernel, and most entries settle in the first rounds).
        Map<String, Map<String, Ctx>> passed = new HashMap<>();
        Set<String> changed = new HashSet<>(cone.keySet());
        for (int round = 0; round < ROUNDS; round++) {
            for (FunctionFacts f : cone.values()) {
                if (f.cfg().available() && changed.contains(f.id())) {
                    passed.put(f.id(), passedOn(f, current.get(f.id()), cone));
                }
            }
            Map<String, Ctx> next = new HashMap<>(roots);
            for (FunctionFacts f : cone.values()) {
                passed.getOrDefault(f.id(), Map.of()).forEach((callee, ctx) -> next.merge(callee, ctx, Ctx::meet));
            }
            cone.keySet().forEach(id -> next.putIfAbsent(id, Ctx.NONE)); // called only from code no path reaches
            if (next.equals(current)) {
                break;
            }
            changed.clear();
            next.forEach((id, ctx) -> {
                if (!ctx.equals(current.get(id))) {
                    changed.add(id);
                }
            });
            current.clear();
            current.putAll(next);
        }
        entries.putAll(current);
    }

    /** The meet of the contexts at {@code f}'s calls of each function of the cone, from {@code entry}. */
    private Map<String, Ctx> passedOn(FunctionFacts f, Ctx entry, Map<String, FunctionFacts> cone) {
        Map<String, Ctx> out = new HashMap<>();
        Dataflow.forward(f.cfg(), new Flow(f, entry)).events((before, event) -> {
            if (event instanceof Cfg.Call c) {
                for (Target t : graph.targets(f, c.call())) {
                    if (t.definition() != null && cone.containsKey(t.definition().id())) {
                        out.merge(t.definition().id(), before, Ctx::meet);
                    }
                }
            }
        });
        return out.isEmpty() ? Map.of() : out;
    }

    private final class Flow implements FlowAnalysis<Ctx> {
        private final FunctionFacts function;
        private final Ctx entry;

        Flow(FunctionFacts function, Ctx entry) {
            this.function = function;
            this.entry = entry;
        }

        @Override
        public Ctx initial() {
            return entry;
        }

        @Override
        public Ctx join(Ctx a, Ctx b) {
            return a.meet(b);
        }

        @Override
        public Ctx transfer(Ctx s, Cfg.Event event) {
            if (!(event instanceof Cfg.Call c)) {
                return s;
            }
            LockOp op = c.lock();
            if (op != null) {
                int delta = op.action() == LockOp.Action.ACQUIRE ? 1 : op.action() == LockOp.Action.RELEASE ? -1 : 0;
                Ctx out = s;
                for (String key : LockFlow.keys(op)) {
                    out = apply(out, key, delta);
                }
                return out;
            }
            Ctx out = s;
            for (Map.Entry<String, Integer> e : effects.of(function, c.call()).entrySet()) {
                out = apply(out, e.getKey(), e.getValue());
            }
            return out;
        }

        private Ctx apply(Ctx s, String key, int delta) {
            if (delta == 0) {
                return s;
            }
            if (key.equals("rcu:") || key.equals("rcu_sched:") || key.equals("rcu_bh:")) {
                return new Ctx(Math.max(0, Math.min(LockFlow.CAP, s.rcu() + delta)), s.fileLock(), s.hook());
            }
            if (key.endsWith("->file_lock") || key.endsWith(".file_lock")) {
                return new Ctx(s.rcu(), delta > 0, s.hook());
            }
            return s;
        }
    }
}
