package io.github.dovelint.rules.fdtable;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Profile;
import io.github.dovelint.match.Footprint;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.rules.locks.Relevance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A file found under RCU gets an inc-not-zero reference (docs/contracts.md#t2-a-file-found-under-rcu-gets-an-inc-not-zero-reference): a file found under RCU may already have a zero count; its
 * reference must be taken with the increment-unless-zero form. Forward
 * may-analysis of the locals that hold such a file, through copies and
 * through helpers that return one or that take a plain reference on an
 * argument. Names come from the generation profile.
 */
@RuleInfo(id = "DL302", name = "file-ref-under-rcu", severity = Severity.ERROR,
        summary = "A file found by an RCU lookup gets a plain reference (get_file, atomic_long_inc(&f->f_count)) "
                + "instead of the increment-unless-zero form.")
public final class FileRefUnderRcu implements Rule {

    /**
     * Levels of helpers followed: that return a file found under RCU (to the caller that
     * takes a reference on it), or that take a plain reference on an argument; also the
     * levels of callers the rule looks at above a lookup (its {@link #scope}).
     */
    static final int LEVELS = 2;

    /** The functions that assign, pass or return the result of an RCU lookup: where this rule starts. */
    private static final FunctionMatcher LOOKUP_USERS = FunctionMatcher.where(FdTableMatchers.RCU_LOOKUP::footprint,
            (f, kb) -> f.cfg().available() && resultsUsed(f).stream().anyMatch(c -> FdTableMatchers.isRcuLookup(c, kb)))
            .describedAs("RCU fd lookup whose result is used");

    @Override
    public Scope scope() {
        return Scope.from(LOOKUP_USERS).callers(LEVELS).callees(LEVELS)
                .calleesMentioning(kb -> FdTableMatchers.RCU_LOOKUP.footprint(kb)
                        .or(Footprint.anyOf(kb.profile().plainIncrease())))
                .withoutMemberCalls();
    }

    @Override
    public void check(RuleContext context) {
        Run run = new Run(context.callGraph(), context.knowledge());
        Set<String> mayHold = mayHold(context.program(), LOOKUP_USERS.select(context));
        for (FunctionFacts f : context.program().functions()) {
            if (!f.cfg().available() || !mayHold.contains(f.id())) {
                continue;
            }
            Flow flow = run.flow(f);
            Set<Location> seen = new HashSet<>();
            Dataflow.forward(f.cfg(), flow).events((held, event) -> {
                if (event instanceof Cfg.Call c) {
                    String how = run.plainGet(f, held, c.call());
                    if (how != null && seen.add(c.location())) {
                        context.report(c.location(), f.name(), f.name() + "(): " + how + " a file found by an RCU "
                                + "lookup; its count may already be zero: use "
                                + String.join(" or ", run.profile.incNotZero()) + " and handle failure", List.of());
                    }
                }
            });
        }
    }

    /**
     * The ids of the functions that may hold a file found under RCU, without any dataflow: those
     * that assign, pass or return the result of a {@link FdTableMatchers#RCU_LOOKUP lookup} or of a call to such a
     * function, up to {@link #LEVELS} such calls away (by names, as {@link Run#isRcuFile} resolves
     * helpers by name). A function outside it never sees such a file, so it cannot report.
     */
    static Set<String> mayHold(Program program, List<FunctionFacts> lookupUsers) {
        Map<String, List<FunctionFacts>> usersOf = new HashMap<>();
        java.util.Deque<FunctionFacts> work = new java.util.ArrayDeque<>();
        for (FunctionFacts f : program.functions()) {
            if (!f.cfg().available()) {
                continue;
            }
            resultsUsed(f).stream().map(Expr.Call::callee).distinct()
                    .forEach(n -> usersOf.computeIfAbsent(n, k -> new ArrayList<>()).add(f));
        }
        work.addAll(lookupUsers);
        Set<String> out = new HashSet<>();
        for (int level = 0; level <= LEVELS && !work.isEmpty(); level++) {
            java.util.Deque<FunctionFacts> next = new java.util.ArrayDeque<>();
            for (FunctionFacts f : work) {
                if (out.add(f.id())) {
                    next.addAll(usersOf.getOrDefault(f.name(), List.of()));
                }
            }
            work = next;
        }
        return out;
    }

    /** The calls whose results {@code f} assigns, returns or passes on ({@code &x()->f_count} included). */
    private static List<Expr.Call> resultsUsed(FunctionFacts f) {
        List<Expr.Call> out = new ArrayList<>();
        for (Cfg.Block b : f.cfg().blocks()) {
            for (Cfg.Event e : b.events()) {
                if (e instanceof Cfg.Assign a) {
                    addCallee(a.value(), out);
                } else if (e instanceof Cfg.Return r) {
                    addCallee(r.value(), out);
                } else if (e instanceof Cfg.Call c) {
                    for (Expr arg : c.call().args()) {
                        addCallee(arg, out);
                        if (arg instanceof Expr.Unary u && u.operand() instanceof Expr.Member m) {
                            addCallee(m.owner(), out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void addCallee(Expr e, List<Expr.Call> out) {
        if (e instanceof Expr.Call c) {
            out.add(c);
        }
    }


    /**
     * Helper summaries for one rule run; not thread-safe. Helpers are looked at only when
     * they are called by name and do a lookup or take a plain reference within the levels
     * left ({@link Relevance}); a summary is kept per depth, and not at all when a recursion
     * cut it short, so each depends on the helper alone.
     */
    private static final class Run {
        final CallGraph graph;
        final KnowledgeBase kb;
        final Profile profile;
        final Relevance relevance;
        final Map<String, Boolean> returnsRcu = new HashMap<>();
        final Map<String, Set<Integer>> getsParam = new HashMap<>();
        final Set<String> inProgress = new HashSet<>();
        int depth;
        int guesses;

        Run(CallGraph graph, KnowledgeBase kb) {
            this.graph = graph;
            this.kb = kb;
            this.profile = kb.profile();
            this.relevance = new Relevance(graph, f -> f.calls().stream().anyMatch(c -> {
                String name = c.callee() instanceof io.github.dovelint.facts.Callee.Named n ? n.name() : "";
                return profile.plainIncrease().contains(name) || FdTableMatchers.isRcuLookup(name, c.arg(0), kb);
            }));
        }

        /** Whether a helper called at the current depth can matter within the levels left. */
        boolean worthLooking(FunctionFacts callee) {
            return relevance.within(callee, LEVELS - depth - 1);
        }

        Flow flow(FunctionFacts f) {
            return new Flow(f, this);
        }

        /** Whether {@code value} is a file found under RCU, given the locals known to hold one. */
        boolean isRcuFile(FunctionFacts f, Set<String> held, Expr value) {
            if (value instanceof Expr.Name n) {
                return held.contains(n.id());
            }
            if (value instanceof Expr.Call c) {
                return FdTableMatchers.isRcuLookup(c, kb) || returnsRcu(f, c);
            }
            return false;
        }

        private boolean returnsRcu(FunctionFacts caller, Expr.Call c) {
            if (caller.locals().get(c.callee()) != null || caller.paramIndex(c.callee()) >= 0) {
                return false; // through a variable: not followed
            }
            for (FunctionFacts callee : graph.program().definitions(c.callee())) {
                if (worthLooking(callee) && returnsRcu(callee)) {
                    return true;
                }
            }
            return false;
        }

        private boolean returnsRcu(FunctionFacts f) {
            String key = f.id() + "@" + depth;
            Boolean known = returnsRcu.get(key);
            if (known != null) {
                return known;
            }
            if (!f.cfg().available() || depth >= LEVELS || !inProgress.add(f.id())) {
                guesses++;
                return false;
            }
            int guessesBefore = guesses;
            depth++;
            boolean[] out = {false};
            try {
                Solution<Set<String>> s = Dataflow.forward(f.cfg(), flow(f));
                s.events((held, event) -> {
                    if (event instanceof Cfg.Return r && r.value() != null && isRcuFile(f, held, r.value())) {
                        out[0] = true;
                    }
                });
            } finally {
                depth--;
                inProgress.remove(f.id());
            }
            if (guesses == guessesBefore) {
                returnsRcu.put(key, out[0]);
            }
            return out[0];
        }

        /** The file a reference call is about: {@code get_file(f)}, {@code atomic_long_inc(&f->f_count)}. */
        Expr fileOf(String callee, Expr arg) {
            if (arg instanceof Expr.Unary u && u.op().equals("&") && u.operand() instanceof Expr.Member m
                    && profile.countFields().contains(m.field())) {
                return m.owner();
            }
            return callee.equals("get_file") || !callee.startsWith("atomic") && !callee.startsWith("file_ref")
                    ? arg : null;
        }

        /** How {@code call} takes a plain reference on a file found under RCU, or null. */
        String plainGet(FunctionFacts f, Set<String> held, CallFact call) {
            String name = call.callee() instanceof io.github.dovelint.facts.Callee.Named n ? n.name() : null;
            if (name == null) {
                return null;
            }
            if (profile.plainIncrease().contains(name)) {
                Expr arg = call.arg(0);
                Expr file = arg == null ? null : fileOf(name, arg);
                return file != null && isRcuFile(f, held, file) ? name + "() takes a plain reference on" : null;
            }
            for (FunctionFacts callee : graph.directTargets(f, call)) {
                if (!worthLooking(callee)) {
                    continue;
                }
                for (int i : getsParam(callee)) {
                    Expr arg = call.arg(i);
                    if (arg != null && isRcuFile(f, held, arg)) {
                        return name + "() takes a plain reference on";
                    }
                }
            }
            return null;
        }

        /** Parameters a helper takes a plain reference on (anywhere in its body, transitively). */
        private Set<Integer> getsParam(FunctionFacts f) {
            String key = f.id() + "@" + depth;
            Set<Integer> known = getsParam.get(key);
            if (known != null) {
                return known;
            }
            if (depth >= LEVELS || !inProgress.add("p:" + f.id())) {
                guesses++;
                return Set.of();
            }
            int guessesBefore = guesses;
            depth++;
            Set<Integer> out = new TreeSet<>();
            try {
                for (CallFact c : f.calls()) {
                    String name = c.callee() instanceof io.github.dovelint.facts.Callee.Named n ? n.name() : "";
                    if (profile.plainIncrease().contains(name) && c.arg(0) != null) {
                        Expr file = fileOf(name, c.arg(0));
                        if (file instanceof Expr.Name p && f.paramIndex(p.id()) >= 0
                                && !f.locals().containsKey(p.id())) {
                            out.add(f.paramIndex(p.id()));
                        }
                    } else {
                        for (FunctionFacts callee : graph.directTargets(f, c)) {
                            if (!worthLooking(callee)) {
                                continue;
                            }
                            for (int i : getsParam(callee)) {
                                if (c.arg(i) instanceof Expr.Name p && f.paramIndex(p.id()) >= 0
                                        && !f.locals().containsKey(p.id())) {
                                    out.add(f.paramIndex(p.id()));
                                }
                            }
                        }
                    }
                }
            } finally {
                depth--;
                inProgress.remove("p:" + f.id());
            }
            if (guesses == guessesBefore) {
                getsParam.put(key, Set.copyOf(out));
            }
            return out;
        }
    }

    /** The locals holding a file found under RCU (may: union where paths meet). */
    private static final class Flow implements FlowAnalysis<Set<String>> {
        private final FunctionFacts function;
        private final Run run;

        Flow(FunctionFacts function, Run run) {
            this.function = function;
            this.run = run;
        }

        @Override
        public Set<String> initial() {
            return Set.of();
        }

        @Override
        public Set<String> join(Set<String> a, Set<String> b) {
            Set<String> out = new TreeSet<>(a);
            out.addAll(b);
            return Set.copyOf(out);
        }

        @Override
        public Set<String> transfer(Set<String> held, Cfg.Event event) {
            if (event instanceof Cfg.Assign a && a.variable() != null) {
                boolean rcu = run.isRcuFile(function, held, a.value());
                if (rcu != held.contains(a.variable())) {
                    Set<String> out = new TreeSet<>(held);
                    if (rcu) {
                        out.add(a.variable());
                    } else {
                        out.remove(a.variable());
                    }
                    return Set.copyOf(out);
                }
            }
            return held;
        }
    }
}
