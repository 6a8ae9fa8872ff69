package io.github.dovelint.flow;

import io.github.dovelint.facts.Cfg;

/**
 * A forward dataflow problem over a {@link Cfg}. States must be immutable
 * values with a meaningful {@code equals}: the solver stops when no block's
 * entry state changes. {@code null} stands for "not reached" and is never
 * passed to these methods.
 *
 * @param <S> the abstract state
 */
public interface FlowAnalysis<S> {

    /** The state on entry to the function. */
    S initial();

    /** The state where two paths meet. */
    S join(S a, S b);

    /** The state after {@code event}, given the state before it. */
    S transfer(S state, Cfg.Event event);

    /**
     * The state along an edge, given the state at the end of its block: a
     * conditional edge may refine it (a pointer is non-NULL on the true side
     * of {@code if (p)}), or return null when the edge cannot be taken.
     */
    default S branch(S state, Cfg.Edge edge) {
        return state;
    }
}
