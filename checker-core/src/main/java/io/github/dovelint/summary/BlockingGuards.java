package io.github.dovelint.summary;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Location;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The calls of a function that run only when the GFP mask one of its parameters gives allows
 * blocking (docs/kernel-db.md#masks): behind {@code if (!gfpflags_allow_blocking(gfp)) return NULL;}
 * or {@code if (!(gfp & __GFP_DIRECT_RECLAIM)) goto fail;}, as {@code mempool_alloc()} waits only
 * for a caller that may sleep. A sleep at such a call happens only when the caller's mask allows
 * direct reclaim, like an allocation with that mask, instead of always. Found on the function's
 * control-flow graph: the calls not reached from its entry when every such test says "may not
 * block".
 */
final class BlockingGuards {

    /** No guard: every call may run whatever the mask. */
    static final BlockingGuards NONE = new BlockingGuards(Set.of(), Set.of());

    private final Set<Location> onlyWhenBlocking;
    private final Set<Cond> conds;

    private BlockingGuards(Set<Location> onlyWhenBlocking, Set<Cond> conds) {
        this.onlyWhenBlocking = onlyWhenBlocking;
        this.conds = conds;
    }

    /** The guards of {@code f}, whose masks {@code gfp} evaluates. */
    static BlockingGuards of(FunctionFacts f, GfpEvaluator gfp) {
        Cfg cfg = f.cfg();
        if (!cfg.available()) {
            return NONE;
        }
        String param = guardedParameter(f, cfg);
        if (param == null) {
            return NONE;
        }
        Set<Cond> conds = new LinkedHashSet<>();
        Set<Mask> masks = gfp.eval(new Expr.Name(param), f);
        if (masks != null) {
            for (Mask m : masks) {
                if (!m.isConstant()) {
                    conds.add(Cond.onParam(m));
                }
            }
        }
        if (conds.isEmpty()) {
            return NONE;
        }
        Set<Location> whenAtomic = callsReached(cfg, param);
        Set<Location> only = callsReached(cfg, null);
        only.removeAll(whenAtomic);
        return only.isEmpty() ? NONE : new BlockingGuards(only, conds);
    }

    /**
     * The calls reached from the entry; with {@code atomic} a parameter, not through an edge
     * taken when its mask allows blocking.
     */
    private static Set<Location> callsReached(Cfg cfg, String atomic) {
        Set<Location> reached = new HashSet<>();
        cfg.events(cfg.reached(edge -> atomic == null || !edge.conditional() || !edge.when()
                        || !atomic.equals(testedName(edge.condition()))))
                .forEach(e -> {
                    if (e instanceof Cfg.Call c) {
                        reached.add(c.call().location());
                    }
                });
        return reached;
    }

    /**
     * When an effect of {@code kind} under {@code c} at {@code at} happens, in the function's
     * terms: a sleep the function would have whatever its arguments, at a call that runs only
     * when the mask allows blocking, happens under that mask's conditions; anything else under
     * {@code c}. {@link DerivedEffects} and {@link Summaries} both ask.
     */
    Set<Cond> at(Location at, EffectKind kind, Cond c) {
        return kind == EffectKind.SLEEP && c.isAlways() && onlyWhenBlocking.contains(at) ? conds : Set.of(c);
    }

    /** The first parameter some edge of {@code cfg} tests for blocking, or null. */
    private static String guardedParameter(FunctionFacts f, Cfg cfg) {
        for (Cfg.Block b : cfg.blocks()) {
            for (Cfg.Edge edge : b.successors()) {
                if (edge.conditional()) {
                    String p = testedName(edge.condition());
                    if (p != null && f.paramIndex(p) >= 0) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The name whose mask {@code e} tests for blocking: {@code gfpflags_allow_blocking(gfp)} or
     * {@code gfp & __GFP_DIRECT_RECLAIM} (either way round); null for any other test.
     */
    private static String testedName(Expr e) {
        Expr cur = Expr.withoutParens(e);
        if (cur instanceof Expr.Call c && c.callee().equals("gfpflags_allow_blocking") && c.args().size() == 1
                && c.args().get(0) instanceof Expr.Name n) {
            return n.id();
        }
        if (cur instanceof Expr.Binary b && b.op().equals("&")) {
            if (b.left() instanceof Expr.Name n && isDirectReclaim(b.right())) {
                return n.id();
            }
            if (b.right() instanceof Expr.Name n && isDirectReclaim(b.left())) {
                return n.id();
            }
        }
        return null;
    }

    private static boolean isDirectReclaim(Expr e) {
        return e instanceof Expr.Name n && n.id().equals("__GFP_DIRECT_RECLAIM");
    }
}
