package io.github.dovelint.engine;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.kb.KnowledgeBase;

/**
 * Hears each program unit's call graph once it is built, before its rules run: how a whole-tree
 * derivation (docs/kernel-db.md) reuses the run's parsing without a rule. A run with a sink never
 * replays a recorded result, so the sink sees every unit.
 */
@FunctionalInterface
public interface ProgramSink {

    /**
     * @param graph the unit's call graph (its program included)
     * @param kb    the unit's knowledge base
     */
    void accept(CallGraph graph, KnowledgeBase kb);
}
