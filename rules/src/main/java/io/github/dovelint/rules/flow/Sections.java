package io.github.dovelint.rules.flow;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.flow.Solution;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fd-table protection in force at each point of every function: the
 * RCU read-side depth ({@code rcu_read_lock}, {@code _sched}, {@code _bh}),
 * whether a {@code ->file_lock} is held, and whether the code runs for a
 * hook (whose {@code files} argument the VFS protects). Must-facts: where
 * paths meet, the smaller depth, and a lock only if held on both.
 *
 * <p>A function's entry context is the meet over every call site in the
 * program (greatest fixed point, bounded rounds). Hooks start in hook
 * context; a function nothing calls directly, or whose address is stored
 * (a {@code file_operations} handler, a callback), starts unprotected.
 * Helpers that return with RCU or a {@code file_lock} taken, or that drop
 * them, count as doing so at the call ({@link LockEffects}).
 */
final class Sections {

    static final int ROUNDS = 12;

    /** The protection in force. */
    record Ctx(int rcu, boolean fileLock, boolean hook) {
        static final Ctx NONE = new Ctx(0, false, false);
        static final Ctx TOP = new Ctx(LockFlow.CAP, true, true);

        Ctx meet(Ctx o) {
            return new Ctx(Math.min(rcu, o.rcu), fileLock && o.fileLock, hook && o.hook);
        }

        boolean inRcu() {
            return rcu > 0;
        }
    }

    private final CallGraph graph;
    private final LockEffects effects;
    private final Map<String, Ctx> entries = new HashMap<>();

    private static java.lang.ref.WeakReference<CallGraph> lastGraph = new java.lang.ref.WeakReference<>(null);
    private static List<String> lastHooks;
    private static Sections last;

    /**
     * The sections of a program, shared by the rules that need them (DL301,
     * DL303): the whole-program fixpoint is the expensive part, and rules run
     * one after another on the same call graph.
     */
    static synchronized Sections of(CallGraph graph, List<FunctionFacts> hooks) {
        List<String> ids = hooks.stream().map(FunctionFacts::id).toList();
        if (lastGraph.get() == graph && ids.equals(lastHooks)) {
            return last;
        }
        Sections s = new Sections(graph, hooks);
        lastGraph = new java.lang.ref.WeakReference<>(graph);
        lastHooks = ids;
        last = s;
        return s;
    }

    Sections(CallGraph graph, List<FunctionFacts> hooks) {
        this.graph = graph;
        this.effects = new LockEffects(graph);
        solve(graph.program(), hooks);
    }

    /** The context on entry to {@code f}. */
    Ctx entry(FunctionFacts f) {
        return entries.getOrDefault(f.id(), Ctx.NONE);
    }

    /** The analysis of one function's body from its entry context. */
    Solution<Ctx> solve(FunctionFacts f) {
        return Dataflow.forward(f.cfg(), new Flow(f, entry(f)));
    }

    private void solve(Program program, List<FunctionFacts> hooks) {
        Set<String> hookIds = new HashSet<>();
        hooks.forEach(h -> hookIds.add(h.id()));
        Set<String> bound = new HashSet<>();
        for (FieldBinding b : program.bindings()) {
            bound.add(b.function());
        }
        Set<String> called = new HashSet<>();
        for (FunctionFacts f : program.functions()) {
            f.calls().forEach(c -> graph.targets(f, c).forEach(t -> {
                if (t.definition() != null && !t.definition().id().equals(f.id())) {
                    called.add(t.definition().id());
                }
            }));
        }
        Map<String, Ctx> roots = new HashMap<>();
        for (FunctionFacts f : program.functions()) {
            if (hookIds.contains(f.id())) {
                roots.put(f.id(), new Ctx(0, false, true));
            } else if (!called.contains(f.id()) || bound.contains(f.name())) {
                roots.put(f.id(), Ctx.NONE);
            }
            entries.put(f.id(), roots.getOrDefault(f.id(), Ctx.TOP));
        }
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, Ctx> next = new HashMap<>(roots);
            Map<String, Ctx> seen = new HashMap<>();
            for (FunctionFacts f : program.functions()) {
                if (!f.cfg().available()) {
                    continue;
                }
                solve(f).events((before, event) -> {
                    if (event instanceof Cfg.Call c) {
                        for (Target t : graph.targets(f, c.call())) {
                            if (t.definition() != null) {
                                seen.merge(t.definition().id(), before, Ctx::meet);
                            }
                        }
                    }
                });
            }
            seen.forEach((id, ctx) -> next.merge(id, ctx, Ctx::meet));
            for (FunctionFacts f : program.functions()) {
                next.putIfAbsent(f.id(), Ctx.NONE); // called only from code no path reaches
            }
            if (next.equals(entries)) {
                return;
            }
            entries.clear();
            entries.putAll(next);
        }
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
