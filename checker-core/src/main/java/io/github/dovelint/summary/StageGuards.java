package io.github.dovelint.summary;

import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Location;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The calls and member accesses of a function that run only on the in-band stage: behind a test
 * of a stage predicate (docs/contracts.md#c8-oob-handlers-never-call-in-band-services), as EVL's
 * proxy relays its output at once {@code if (running_inband())} and defers it to an in-band work
 * otherwise. Found on the function's control-flow graph, where conditions are already split at
 * {@code !}, {@code &&} and {@code ||}: what is not reached from its entry when every in-band test
 * ({@code running_inband()}) takes its false side and every oob test ({@code running_oob()}) its
 * true side. Code that runs on the oob stage never gets there. So is what runs after a call that
 * switches the caller to the in-band stage ({@code evl_switch_inband()}, the kb role
 * {@code inband-switches}): after it, on every path, the code runs in-band.
 */
final class StageGuards {

    /** No stage test: everything may run on either stage. */
    static final StageGuards NONE = new StageGuards(Set.of());

    private final Set<Location> inbandOnly;

    private StageGuards(Set<Location> inbandOnly) {
        this.inbandOnly = inbandOnly;
    }

    /**
     * The guards of {@code f}, given the names of the in-band and oob stage tests and of the
     * functions that switch their caller in-band.
     */
    static StageGuards of(FunctionFacts f, Set<String> inbandTests, Set<String> oobTests, Set<String> switches) {
        Cfg cfg = f.cfg();
        if (!cfg.available() || !testsStage(cfg, inbandTests, oobTests) && !switchesStage(cfg, switches)) {
            return NONE;
        }
        Set<Location> all = new HashSet<>();
        for (Cfg.Block b : cfg.blocks()) {
            b.events().forEach(e -> all.add(e.location()));
        }
        Set<Location> onOob = new HashSet<>();
        cfg.reached(edge -> !saysInband(edge, inbandTests, oobTests), b -> switchAt(b, switches) < 0).stream()
                .forEach(id -> {
                    List<Cfg.Event> events = cfg.block(id).events();
                    int end = switchAt(cfg.block(id), switches);
                    // the switch itself is made on the oob stage; what follows it in the block is not
                    events.subList(0, end < 0 ? events.size() : end + 1).forEach(e -> onOob.add(e.location()));
                });
        all.removeAll(onOob);
        all.remove(null);
        return all.isEmpty() ? NONE : new StageGuards(Set.copyOf(all));
    }

    /** The index of the first event of {@code b} that is a call switching to the in-band stage, or -1. */
    private static int switchAt(Cfg.Block b, Set<String> switches) {
        List<Cfg.Event> events = b.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Cfg.Call c && c.call().callee() instanceof Callee.Named n
                    && switches.contains(n.name())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean switchesStage(Cfg cfg, Set<String> switches) {
        return !switches.isEmpty() && cfg.blocks().stream().anyMatch(b -> switchAt(b, switches) >= 0);
    }

    /** Whether what is at {@code at} (a call, a member access) runs only on the in-band stage. */
    boolean inbandOnly(Location at) {
        return inbandOnly.contains(at);
    }

    private static boolean testsStage(Cfg cfg, Set<String> inbandTests, Set<String> oobTests) {
        for (Cfg.Block b : cfg.blocks()) {
            for (Cfg.Edge edge : b.successors()) {
                if (saysInband(edge, inbandTests, oobTests)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether taking {@code edge} means the code runs on the in-band stage. */
    private static boolean saysInband(Cfg.Edge edge, Set<String> inbandTests, Set<String> oobTests) {
        if (!edge.conditional() || !(Expr.withoutParens(edge.condition()) instanceof Expr.Call c) || !c.args().isEmpty()) {
            return false;
        }
        return edge.when() ? inbandTests.contains(c.callee()) : oobTests.contains(c.callee());
    }

}
