package io.github.dovelint.callgraph;

import io.github.dovelint.facts.FunctionFacts;

/**
 * What a call resolves to: a definition in the run, or an external function
 * known only by name (a kernel API, described by the knowledge base, or unknown).
 *
 * @param name       the function's name
 * @param definition its definition in the run, or null for an external function
 */
public record Target(String name, FunctionFacts definition) {

    public boolean isExternal() {
        return definition == null;
    }
}
