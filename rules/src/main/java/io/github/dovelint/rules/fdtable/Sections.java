package io.github.dovelint.rules.fdtable;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.flow.NullTest;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Roles;
import io.github.dovelint.rules.locks.LockEffects;
import io.github.dovelint.rules.locks.LockFlow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fd-table protection in force at each point of a function: the
 * RCU read-side depth ({@code rcu_read_lock}, {@code _sched}, {@code _bh}),
 * whether a {@code ->file_lock} is held, whether the code runs for a
 * hook (whose {@code files} argument the VFS protects), and the objects whose
 * last reference it owns: on the true side of {@code if
 * (atomic_dec_and_test(&files->count))} (the knowledge base's
 * {@code last-reference-tests}) nobody else can reach {@code files}, and a
 * call passes that ownership on to the parameter it hands {@code files} to,
 * as {@code put_files_struct()} does to {@code close_files()}
 * (docs/contracts.md#t1-the-fd-table-is-read-under-rcu-or-the-fd-table-lock).
 * Must-facts: where paths meet, the smaller depth, a lock only if held on
 * both, an object owned only if owned on both.
 *
 * <p>Two ways to use it. DL301 judges each call site on its own
 * ({@link Preconditions}): it solves a function from a given entry
 * ({@link #solve(FunctionFacts, Ctx)}), asks what a call passes on
 * ({@link #into}), and pushes a helper's precondition up its callers. DL303
 * uses a single entry context per function ({@link #entry}), the meet over
 * its call sites looked at {@link #CALLER_LEVELS} levels of callers up: a
 * caller's own entry is met over its callers in turn, and at the last level
 * a caller is taken as entered unprotected. Hooks start in hook context (met
 * with their callers'); a function nothing else calls, or whose address is
 * stored (a {@code file_operations} handler, a callback), starts unprotected.
 *
 * <p>Helpers called by name that return with RCU or a {@code file_lock}
 * taken, or that drop them, count as doing so at the call, when the lock is
 * at most {@link #HELPER_LEVELS} calls down ({@link LockEffects#bounded});
 * calls through struct members have no effect. These bounds are the rules'
 * {@code Scope}: what a whole tree holds beyond them changes nothing, so a
 * sliced run finds what a run over every file finds. The callers' bound stays
 * at two: following a third level parses eight times as many files of Linux
 * 6.1 (4,895 instead of 593, about ten minutes instead of one). DL301 gives a
 * caller two levels above a read the benefit of the doubt for its own,
 * unseen, callers; DL303 takes it as unprotected.
 *
 * <p>Rules first look at a function from an unprotected entry
 * ({@link #unprotected}), which can only be less protected than its real one
 * (the analysis is monotone in it), and ask for the real entry only when that
 * finds something. One instance per rule run; not thread-safe.
 */
final class Sections {

    /** Levels of callers whose protection counts. */
    static final int CALLER_LEVELS = 2;
    /** Levels of helpers whose lock effects count (the helper called is the first). */
    static final int HELPER_LEVELS = 2;

    /**
     * The protection in force.
     *
     * @param owned the objects whose last reference this code owns, by {@link NullTest#key}
     */
    record Ctx(int rcu, boolean fileLock, boolean hook, SortedSet<String> owned) {
        static final Ctx NONE = new Ctx(0, false, false);
        static final Ctx HOOK = new Ctx(0, false, true);
        /** What a caller that meets the fd table's contract holds: {@code ->file_lock}. */
        static final Ctx CALLER_HOLDS = new Ctx(0, true, false);

        Ctx {
            owned = owned.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(owned));
        }

        Ctx(int rcu, boolean fileLock, boolean hook) {
            this(rcu, fileLock, hook, Collections.emptySortedSet());
        }

        Ctx meet(Ctx o) {
            SortedSet<String> both = owned;
            if (!owned.equals(o.owned)) {
                both = new TreeSet<>(owned);
                both.retainAll(o.owned);
            }
            return new Ctx(Math.min(rcu, o.rcu), fileLock && o.fileLock, hook && o.hook, both);
        }

        boolean inRcu() {
            return rcu > 0;
        }

        /** Whether this code owns the last reference of {@code object}. */
        boolean owns(Expr object) {
            return object != null && !owned.isEmpty() && owned.contains(NullTest.key(object));
        }

        Ctx with(int newRcu, boolean newFileLock) {
            return new Ctx(newRcu, newFileLock, hook, owned);
        }

        Ctx owning(String key) {
            SortedSet<String> more = new TreeSet<>(owned);
            more.add(key);
            return new Ctx(rcu, fileLock, hook, more);
        }

        /** Without what a store to {@code variable} changes: the objects reached through it. */
        Ctx forgetting(String variable) {
            if (owned.isEmpty()) {
                return this;
            }
            SortedSet<String> kept = new TreeSet<>();
            for (String o : owned) {
                if (!o.equals(variable) && !o.startsWith(variable + "->") && !o.startsWith(variable + ".")) {
                    kept.add(o);
                }
            }
            return kept.size() == owned.size() ? this : new Ctx(rcu, fileLock, hook, kept);
        }
    }

    private final CallGraph graph;
    private final LockEffects effects;
    private final Set<String> lastReferenceTests;
    private final Set<String> hookIds = new HashSet<>();
    private final Set<String> bound = new HashSet<>();
    /** Entry contexts by function id and levels of callers. */
    private final Map<String, Ctx> entries = new HashMap<>();
    /** What a function passes to its callees from a given entry: by function and entry. */
    private final Map<Entered, Map<String, Ctx>> passed = new HashMap<>();

    private record Entered(String function, Ctx entry) {
    }

    Sections(CallGraph graph, List<FunctionFacts> hooks, KnowledgeBase kb) {
        this.graph = graph;
        this.effects = LockEffects.bounded(graph, HELPER_LEVELS);
        this.lastReferenceTests = Set.copyOf(kb.role(Roles.LAST_REFERENCE_TESTS));
        hooks.forEach(h -> hookIds.add(h.id()));
        for (FieldBinding b : graph.program().bindings()) {
            bound.add(b.function());
        }
    }

    /** The context on entry to {@code f}, from its callers {@link #CALLER_LEVELS} levels up. */
    Ctx entry(FunctionFacts f) {
        return entry(f, CALLER_LEVELS);
    }

    /** The analysis of one function's body from its entry context. */
    Solution<Ctx> solve(FunctionFacts f) {
        return solve(f, entry(f));
    }

    /** The analysis of one function's body from a given entry context. */
    Solution<Ctx> solve(FunctionFacts f, Ctx entry) {
        return Dataflow.forward(f.cfg(), new Flow(f, entry));
    }

    /** Whether {@code f} is a hook. */
    boolean isHook(FunctionFacts f) {
        return hookIds.contains(f.id());
    }

    /** Whether {@code f}'s address is stored in a struct member (a handler, a callback): who calls it is unknown. */
    boolean isBound(FunctionFacts f) {
        return bound.contains(f.name());
    }

    /** The functions other than {@code f} that call it. */
    List<FunctionFacts> otherCallers(FunctionFacts f) {
        List<FunctionFacts> out = new ArrayList<>();
        for (FunctionFacts caller : graph.callers(f)) {
            if (!caller.id().equals(f.id())) {
                out.add(caller);
            }
        }
        return out;
    }

    /** Whether {@code call}, made by {@code caller}, may call {@code callee}. */
    boolean calls(FunctionFacts caller, CallFact call, FunctionFacts callee) {
        for (Target t : graph.targets(caller, call)) {
            if (t.definition() != null && t.definition().id().equals(callee.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The context {@code callee} is entered with from a call made in context {@code before}:
     * the same locks and hook, and the last references owned that the call hands to a parameter.
     */
    static Ctx into(Ctx before, CallFact call, FunctionFacts callee) {
        if (before.owned().isEmpty()) {
            return before;
        }
        SortedSet<String> owned = new TreeSet<>();
        for (int i = 0; i < callee.params().size() && i < call.args().size(); i++) {
            Expr arg = call.arg(i);
            if (arg != null && before.owned().contains(NullTest.key(arg))) {
                owned.add(callee.params().get(i).name());
            }
        }
        return new Ctx(before.rcu(), before.fileLock(), before.hook(), owned);
    }

    /**
     * The entry of a function that calls itself, entered with {@code entry} by others: what its
     * own calls keep of it.
     */
    Ctx closed(FunctionFacts f, Ctx entry) {
        Ctx out = entry;
        for (int round = 0; round < Dataflow.MAX_VISITS && f.cfg().available(); round++) {
            Ctx self = passedOn(f, out).get(f.id());
            Ctx next = self == null ? out : out.meet(self);
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out;
    }

    /**
     * The analysis of one function's body from an unprotected entry: at every point no more
     * protected than {@link #solve} finds, so what is protected here is protected there.
     */
    Solution<Ctx> unprotected(FunctionFacts f) {
        return Dataflow.forward(f.cfg(), new Flow(f, Ctx.NONE));
    }

    /**
     * The entry of {@code f} from {@code levels} levels of callers: hooks start in hook context,
     * functions nothing else calls or whose address is stored start unprotected, and at level 0
     * every other function does.
     */
    private Ctx entry(FunctionFacts f, int levels) {
        boolean hook = hookIds.contains(f.id());
        if (levels == 0) {
            return hook ? Ctx.HOOK : Ctx.NONE;
        }
        String key = f.id() + "@" + levels;
        Ctx known = entries.get(key);
        if (known != null) {
            return known;
        }
        Ctx out;
        if (!hook && (!calledByOthers(f) || bound.contains(f.name()))) {
            out = Ctx.NONE;
        } else {
            Ctx meet = hook ? Ctx.HOOK : null;
            boolean recursive = false;
            for (FunctionFacts caller : graph.callers(f)) {
                if (caller.id().equals(f.id())) {
                    recursive = true;
                } else if (caller.cfg().available()) {
                    Ctx at = passedOn(caller, entry(caller, levels - 1)).get(f.id());
                    if (at != null) {
                        meet = meet == null ? at : meet.meet(at);
                    }
                }
            }
            out = meet == null ? Ctx.NONE : meet; // called only from code no path reaches
            // A function that calls itself enters itself with what it has at that call:
            // the greatest context that its own calls keep.
            while (recursive && f.cfg().available()) {
                Ctx self = passedOn(f, out).get(f.id());
                Ctx next = self == null ? out : out.meet(self);
                if (next.equals(out)) {
                    break;
                }
                out = next;
            }
        }
        entries.put(key, out);
        return out;
    }

    private boolean calledByOthers(FunctionFacts f) {
        for (FunctionFacts caller : graph.callers(f)) {
            if (!caller.id().equals(f.id())) {
                return true;
            }
        }
        return false;
    }

    /** The meet of the contexts at {@code f}'s calls of each function, from {@code entry}. */
    private Map<String, Ctx> passedOn(FunctionFacts f, Ctx entry) {
        Entered key = new Entered(f.id(), entry);
        Map<String, Ctx> known = passed.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Ctx> out = new HashMap<>();
        Dataflow.forward(f.cfg(), new Flow(f, entry)).events((before, event) -> {
            if (event instanceof Cfg.Call c) {
                for (Target t : graph.targets(f, c.call())) {
                    if (t.definition() != null) {
                        out.merge(t.definition().id(), into(before, c.call(), t.definition()), Ctx::meet);
                    }
                }
            }
        });
        Map<String, Ctx> result = out.isEmpty() ? Map.of() : out;
        passed.put(key, result);
        return result;
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
        public Ctx branch(Ctx s, Cfg.Edge edge) {
            // the true side of atomic_dec_and_test(&files->count): the last reference is ours
            if (edge.when() && edge.condition() instanceof Expr.Call c && lastReferenceTests.contains(c.callee())
                    && !c.args().isEmpty()) {
                Expr counter = c.args().get(0);
                if (counter instanceof Expr.Unary u && u.op().equals("&")) {
                    counter = u.operand();
                }
                if (counter instanceof Expr.Member m) {
                    return s.owning(NullTest.key(m.owner()));
                }
            }
            return s;
        }

        @Override
        public Ctx transfer(Ctx s, Cfg.Event event) {
            if (event instanceof Cfg.Assign a && a.variable() != null) {
                return s.forgetting(a.variable());
            }
            if (!(event instanceof Cfg.Call c)) {
                return s;
            }
            LockOp op = c.lock();
            if (op != null && op.action() == LockOp.Action.ASSERT_HELD) {
                // lockdep_assert_held(&files->file_lock): the code states, and lockdep checks, that
                // its callers hold the lock; taken as held from here on, as a reviewer would
                Ctx out = s;
                for (String key : LockFlow.keys(op)) {
                    if (LockEffects.isFileLock(key)) {
                        out = out.with(out.rcu(), true);
                    }
                }
                return out;
            }
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
            if (LockEffects.isRcuReadLock(key)) {
                return s.with(Math.max(0, Math.min(LockFlow.CAP, s.rcu() + delta)), s.fileLock());
            }
            if (LockEffects.isFileLock(key)) {
                return s.with(s.rcu(), delta > 0);
            }
            return s;
        }
    }
}
