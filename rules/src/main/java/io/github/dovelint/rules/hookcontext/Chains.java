package io.github.dovelint.rules.hookcontext;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Location;
import java.util.List;

/** Chains for findings made inside an entry point's own body. */
final class Chains {

    private Chains() {
    }

    /** The hook itself, then the flagged location. */
    static List<CallChain> inside(FunctionFacts entry, Location at, String what) {
        return List.of(new CallChain(entry.name(), List.of(
                new ChainStep(entry.location(), entry.name() + "()"),
                new ChainStep(at, what))));
    }
}
