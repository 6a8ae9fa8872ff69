package io.github.dovelint.rules.hookcontext;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.PathSensitive;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.rules.locks.LockEffects;
import io.github.dovelint.rules.locks.LockFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lock taken inside a hook must be released on every path out of it, and a
 * lock must not be released on a path where the hook did not take it. The
 * hooks run with the VFS's own locks held; leaving a spinlock or an
 * interrupt/preemption section unbalanced corrupts the caller's context.
 */
@RuleInfo(id = "DL106", name = "hook-lock-imbalance", severity = Severity.ERROR,
        summary = "A lock taken in a hook is not released on every path out of it, "
                + "or is released on a path where the hook did not take it.")
public final class HookLockImbalance implements Rule {

    /** Every hook: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks();

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        LockEffects effects = new LockEffects(context.callGraph());
        for (FunctionFacts hook : ENTRIES.select(context)) {
            if (hook.cfg().available()) {
                check(context, hook, effects);
            }
        }
    }

    private static void check(RuleContext context, FunctionFacts hook, LockEffects effects) {
        PathSensitive<LockFlow.State> flow = new PathSensitive<>(new LockFlow(hook, effects, false));
        Solution<PathSensitive.Paths<LockFlow.State>> solution = Dataflow.forward(hook.cfg(), flow);
        Map<Location, String> findings = new TreeMap<>(Comparator.comparing(Location::line)
                .thenComparing(Location::column).thenComparing(Location::file));
        // Stray releases: a release (or a helper that releases) where the lock may not be held.
        solution.events((before, event) -> {
            if (!(event instanceof Cfg.Call call)) {
                return;
            }
            LockOp op = call.lock();
            Map<String, Integer> deltas = new LinkedHashMap<>();
            if (op != null) {
                if (op.action() == LockOp.Action.RELEASE) {
                    LockFlow.keys(op).forEach(k -> deltas.put(k, -1));
                }
            } else {
                deltas.putAll(effects.of(hook, call.call()));
            }
            deltas.forEach((key, delta) -> {
                if (delta < 0 && before.paths().stream().anyMatch(p -> p.state().held(key).mayBeFree())) {
                    findings.putIfAbsent(call.location(), call.name() + "() releases " + LockFlow.describe(key)
                            + " on a path where " + hook.name() + "() has not taken it");
                }
            });
        });
        // Leaks: an acquisition still live on some path to the exit; name one such way out.
        Map<Location, String> witness = new LinkedHashMap<>();
        Map<Location, String> lockOf = new LinkedHashMap<>();
        solution.edges((atEnd, block, edge) -> {
            if (edge.target() != Cfg.EXIT) {
                return;
            }
            PathSensitive.Paths<LockFlow.State> along = flow.branch(atEnd, edge);
            if (along == null) {
                return;
            }
            LockFlow.State s = flow.merged(along);
            List<Cfg.Event> events = block.events();
            String exit = !events.isEmpty() && events.get(events.size() - 1) instanceof Cfg.Return r
                    ? "the return at line " + r.location().line() : "the end of the function";
            // named locks first, so that a leaked spin_lock_irqsave() is reported as its lock
            for (boolean implicitPass : new boolean[] {false, true}) {
                s.locks().forEach((key, held) -> {
                    if (held.mayBeHeld() && LockFlow.implicit(key) == implicitPass) {
                        for (Location site : held.sites()) {
                            witness.putIfAbsent(site, exit);
                            lockOf.putIfAbsent(site, key);
                        }
                    }
                });
            }
        });
        List<Location> sites = new ArrayList<>(witness.keySet());
        for (Location site : sites) {
            findings.putIfAbsent(site, LockFlow.describe(lockOf.get(site)) + " is taken here but not released on "
                    + "every path out of " + hook.name() + "() (e.g. " + witness.get(site) + ")");
        }
        findings.forEach((at, message) -> context.report(at, hook.name(), message,
                Chains.inside(hook, at, message)));
    }
}
