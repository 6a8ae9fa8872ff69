package io.github.dovelint.model;

import java.util.List;

/**
 * How a finding is reached from one entry point (a hook, a handler): the first
 * step is the entry function itself, the last is the flagged location.
 */
public record CallChain(String entry, List<ChainStep> steps) {
    public CallChain {
        steps = List.copyOf(steps);
    }
}
