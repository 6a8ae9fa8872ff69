package io.github.dovelint.flow;

import io.github.dovelint.facts.Cfg;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A worklist solver for {@link FlowAnalysis forward problems}. Blocks are
 * processed in id order (roughly source order), each at most
 * {@link #MAX_VISITS} times, so a non-terminating lattice (or hostile input)
 * cannot hang a run: past that budget a block keeps the state it has.
 */
public final class Dataflow {

    public static final int MAX_VISITS = 64;

    private Dataflow() {
    }

    /** Solves {@code analysis} over {@code cfg}. */
    public static <S> Solution<S> forward(Cfg cfg, FlowAnalysis<S> analysis) {
        int n = cfg.size();
        List<S> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.add(null);
        }
        int[] visits = new int[n];
        in.set(Cfg.ENTRY, analysis.initial());
        TreeSet<Integer> work = new TreeSet<>();
        work.add(Cfg.ENTRY);
        while (!work.isEmpty()) {
            int id = work.pollFirst();
            if (visits[id]++ >= MAX_VISITS) {
                continue;
            }
            S out = run(cfg.block(id), in.get(id), analysis, null);
            for (Cfg.Edge e : cfg.block(id).successors()) {
                S along = analysis.branch(out, e);
                if (along == null) {
                    continue;
                }
                S old = in.get(e.target());
                S merged = old == null ? along : analysis.join(old, along);
                if (!Objects.equals(old, merged)) {
                    in.set(e.target(), merged);
                    work.add(e.target());
                }
            }
        }
        return new Solution<>(cfg, analysis, in);
    }

    static <S> S run(Cfg.Block block, S state, FlowAnalysis<S> analysis, Solution.Visitor<S> visitor) {
        S s = state;
        for (Cfg.Event e : block.events()) {
            if (visitor != null) {
                visitor.event(s, e);
            }
            s = analysis.transfer(s, e);
        }
        return s;
    }
}
