package io.github.dovelint.spec;

import java.util.List;

/** A generated run: its toString is the readable scenario jqwik reports. */
record Run(List<RandomOps.Choice> choices) {
    @Override
    public String toString() {
        return "\n" + Scenario.format(RandomOps.resolveAll(choices));
    }
}
