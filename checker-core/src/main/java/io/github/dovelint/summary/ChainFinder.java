package io.github.dovelint.summary;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the call chain that explains a summary: a breadth-first search
 * from the entry point, following only calls through which the site's
 * condition holds, so the chain shown is one that really sleeps (the
 * {@code GFP_KERNEL} caller, not the {@code GFP_ATOMIC} one). Shortest
 * first, ties broken by source order.
 */
final class ChainFinder {

    private final Summaries summaries;

    ChainFinder(CallGraph graph, Summaries summaries) {
        this.summaries = summaries;
    }

    /** A function and the condition needed in it; equal by function id (facts hash whole bodies). */
    private record State(FunctionFacts function, Cond need) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.function.id().equals(function.id()) && s.need.equals(need);
        }

        @Override
        public int hashCode() {
            return function.id().hashCode() * 31 + need.hashCode();
        }
    }

    private record Hop(State from, CallFact call) {
    }

    CallChain find(FunctionFacts root, Site site) {
        CallChain chain = find(root, site, Set.of(), false);
        if (chain == null) {
            // The summary says the site is reached; no chain means a bug in dovelint, not in the user's code.
            throw new IllegalStateException("no chain from " + root.name() + " to " + site);
        }
        return chain;
    }

    /**
     * The shortest chain that calls none of the functions named in {@code avoid} (the root
     * included), or null when every chain does; with {@code oobStage}, one that runs on the oob
     * stage, through no call and to no site that a stage test or switch keeps in-band
     * ({@link StageGuards}), and not into a function that switches to the in-band stage.
     */
    CallChain find(FunctionFacts root, Site site, Set<String> avoid, boolean oobStage) {
        if (avoid.contains(root.name())) {
            return null;
        }
        Map<State, Hop> parent = new HashMap<>();
        Deque<State> queue = new ArrayDeque<>();
        for (Cond c : starts(root, site)) {
            State start = new State(root, c);
            queue.add(start);
            parent.put(start, null);
        }
        while (!queue.isEmpty()) {
            State s = queue.poll();
            StageGuards guards = oobStage ? summaries.stageGuards(s.function()) : StageGuards.NONE;
            Set<Cond> local = summaries.localOf(s.function()).get(site);
            if (local != null && local.contains(s.need()) && !guards.inbandOnly(site.location())) {
                return build(root, site, s, parent);
            }
            for (CallFact call : s.function().calls()) {
                if (guards.inbandOnly(call.location())) {
                    continue;
                }
                for (FunctionFacts g : summaries.descend(s.function(), call)) {
                    if (avoid.contains(g.name()) || oobStage && summaries.switchesInband(g)) {
                        continue;
                    }
                    Set<Cond> conds = summaries.summary(g, site.kind()).get(site);
                    if (conds == null) {
                        continue;
                    }
                    for (Cond c : conds) {
                        State next = new State(g, c);
                        if (!parent.containsKey(next)
                                && summaries.through(site.kind(), c, s.function(), call, g).contains(s.need())) {
                            parent.put(next, new Hop(s, call));
                            queue.add(next);
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * What the root may need: always, and any instance of a struct its parameters may be
     * ({@link Cond#atEntry()}), the first in the summary's order.
     */
    private List<Cond> starts(FunctionFacts root, Site site) {
        List<Cond> out = new ArrayList<>();
        out.add(Cond.ALWAYS);
        for (Cond c : summaries.summary(root, site.kind()).getOrDefault(site, Set.of())) {
            if (c.atEntry() && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static CallChain build(FunctionFacts root, Site site, State end, Map<State, Hop> parent) {
        List<ChainStep> steps = new ArrayList<>();
        steps.add(new ChainStep(site.location(), site.description()));
        State s = end;
        for (Hop hop = parent.get(s); hop != null; hop = parent.get(s)) {
            steps.add(new ChainStep(hop.call().location(), describe(hop.from().function(), s, hop.call())));
            s = hop.from();
        }
        steps.add(new ChainStep(root.location(), root.name() + "() is the entry point"));
        Collections.reverse(steps);
        return new CallChain(root.name(), steps);
    }

    private static String describe(FunctionFacts caller, State callee, CallFact call) {
        StringBuilder sb = new StringBuilder();
        sb.append(caller.name()).append("() calls ").append(callee.function().name()).append("()");
        if (call.callee() instanceof Callee.Field || call.callee() instanceof Callee.Named n
                && !n.name().equals(callee.function().name())) {
            sb.append(" through ").append(call.callee().display());
        }
        if (call.macro() != null) {
            sb.append(" (in macro ").append(call.macro()).append(")");
        }
        int param = callee.need().param();
        Expr arg = param >= 0 ? call.arg(param) : null;
        if (arg != null) {
            sb.append(" passing ").append(arg.text());
        }
        return sb.toString();
    }
}
