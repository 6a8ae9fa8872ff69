package io.github.dovelint.flow;

import io.github.dovelint.facts.Cfg;
import java.util.List;

/**
 * The fixed point of a {@link FlowAnalysis}: the state on entry to each
 * block, and replays that show each event and edge with the state that holds
 * there, which is how rules report.
 *
 * @param <S> the abstract state
 */
public final class Solution<S> {

    /** Sees an event with the state just before it. */
    @FunctionalInterface
    public interface Visitor<S> {
        void event(S before, Cfg.Event event);
    }

    /** Sees an edge with the state at the end of its source block (before any refinement). */
    @FunctionalInterface
    public interface EdgeVisitor<S> {
        void edge(S atEnd, Cfg.Block from, Cfg.Edge edge);
    }

    private final Cfg cfg;
    private final FlowAnalysis<S> analysis;
    private final List<S> in;

    Solution(Cfg cfg, FlowAnalysis<S> analysis, List<S> in) {
        this.cfg = cfg;
        this.analysis = analysis;
        this.in = in;
    }

    /** The state on entry to a block, null when no path reaches it. */
    public S in(int block) {
        return in.get(block);
    }

    /** The state where the function returns (at {@link Cfg#EXIT}), null when it never returns. */
    public S atExit() {
        return in.get(Cfg.EXIT);
    }

    /** Whether some path reaches the block. */
    public boolean reached(int block) {
        return in.get(block) != null;
    }

    /** Visits every event of every reached block, in block order, with the state before it. */
    public void events(Visitor<S> visitor) {
        for (Cfg.Block b : cfg.blocks()) {
            if (in.get(b.id()) != null) {
                Dataflow.run(b, in.get(b.id()), analysis, visitor);
            }
        }
    }

    /** Visits every edge leaving a reached block, with the state at the end of that block. */
    public void edges(EdgeVisitor<S> visitor) {
        for (Cfg.Block b : cfg.blocks()) {
            if (in.get(b.id()) != null) {
                S out = Dataflow.run(b, in.get(b.id()), analysis, null);
                for (Cfg.Edge e : b.successors()) {
                    visitor.edge(out, b, e);
                }
            }
        }
    }
}
