package io.github.dovelint.rules.locks;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.LockOp;
import io.github.dovelint.flow.FlowAnalysis;
import io.github.dovelint.model.Location;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which locks a function may hold at each point, and how deep: for each lock
 * (family and lock expression: {@code raw_spin:fd_index_lock}, {@code rcu:}),
 * the set of possible nesting depths along the paths that reach the point and
 * the acquisitions that may still be live. {@code *_trylock} acquires on the
 * side of its test where it succeeded; a call to a helper with a fixed lock
 * effect ({@link LockEffects}) acquires or releases at the call.
 *
 * <p>In {@code relative} mode (used to summarise helpers) depths may go below
 * zero: a helper that only unlocks has effect -1.
 */
public final class LockFlow implements FlowAnalysis<LockFlow.State> {

    public static final int CAP = 3;

    /** One lock: possible depths and the acquisitions that may be live. */
    public record Held(Set<Integer> depths, Set<Location> sites) {
        static final Held NONE = new Held(Set.of(0), Set.of());

        public Held {
            depths = Set.copyOf(depths);
            sites = Set.copyOf(sites);
        }

        public boolean mayBeHeld() {
            return depths.stream().anyMatch(d -> d > 0);
        }

        public boolean mayBeFree() {
            return depths.stream().anyMatch(d -> d <= 0);
        }
    }

    /**
     * A conditional acquisition whose result is about to be tested: a {@code *_trylock}
     * (non-zero: acquired; counted on the side of the test where it succeeded) or a
     * {@code *_interruptible}/{@code *_killable}/{@code down_timeout}/{@code down_trylock}
     * (zero: acquired; counted at the call and undone on the side where it failed).
     */
    public record Pending(java.util.List<String> keys, Location site, String callee, java.util.List<Expr> args,
                          boolean applied) {
    }

    // Compiled once: String.matches compiles its pattern on every call, and these run per lock event.
    private static final Pattern ZERO_ON_SUCCESS =
            Pattern.compile(".*_(interruptible|killable)(_nested)?|down_timeout|down_trylock");
    private static final Pattern IRQ_VARIANT = Pattern.compile(".*_(irq|irqsave|irqrestore)(_nested)?");
    private static final Pattern BH_VARIANT = Pattern.compile(".*_bh(_nested)?");

    /** Acquisitions that return 0 on success. */
    public static boolean zeroOnSuccess(String api) {
        return ZERO_ON_SUCCESS.matcher(api).matches();
    }

    /** The locks a point may hold, and an acquisition whose result is about to be tested. */
    public record State(Map<String, Held> locks, Pending pending) {
        public State {
            locks = Map.copyOf(locks);
        }

        public Held held(String key) {
            return locks.getOrDefault(key, Held.NONE);
        }
    }

    private final FunctionFacts function;
    private final LockEffects effects;
    private final boolean relative;

    public LockFlow(FunctionFacts function, LockEffects effects, boolean relative) {
        this.function = function;
        this.effects = effects;
        this.relative = relative;
    }

    public static String key(LockOp op) {
        return op.family() + ":" + op.lock().replace(" ", "");
    }

    /** The interrupt state a {@code _irq}/{@code _irqsave}/{@code _irqrestore} variant also changes. */
    public static final String IRQ = "irq:";
    /** The softirq state a {@code _bh} variant also changes. */
    public static final String BH = "bh:";

    /**
     * What an operation takes or drops: its lock, and for the {@code _irq*} and {@code _bh}
     * variants of spinlocks and rwlocks also the interrupt or softirq state, so that
     * {@code spin_lock_irqsave()} pairs with {@code spin_unlock()} + {@code local_irq_restore()}
     * as well as with {@code spin_unlock_irqrestore()}.
     */
    public static java.util.List<String> keys(LockOp op) {
        String main = key(op);
        boolean spinlike = op.family().endsWith("spin") || op.family().equals("rwlock");
        if (!spinlike) {
            return java.util.List.of(main);
        }
        if (IRQ_VARIANT.matcher(op.api()).matches()) {
            return java.util.List.of(main, IRQ);
        }
        if (BH_VARIANT.matcher(op.api()).matches()) {
            return java.util.List.of(main, BH);
        }
        return java.util.List.of(main);
    }

    /** Whether a key is an implicit interrupt/softirq state rather than a named lock. */
    public static boolean implicit(String key) {
        return key.equals(IRQ) || key.equals(BH);
    }


    /** {@code fd_index_lock} for {@code raw_spin:fd_index_lock}; the family for locks without an argument. */
    public static String describe(String key) {
        int colon = key.indexOf(':');
        String lock = key.substring(colon + 1);
        return lock.isEmpty() ? "the " + key.substring(0, colon) + " section" : lock;
    }

    @Override
    public State initial() {
        return new State(Map.of(), null);
    }

    @Override
    public State join(State a, State b) {
        Map<String, Held> out = new TreeMap<>();
        Set<String> keys = new TreeSet<>(a.locks().keySet());
        keys.addAll(b.locks().keySet());
        for (String k : keys) {
            Held x = a.held(k);
            Held y = b.held(k);
            Set<Integer> depths = new TreeSet<>(x.depths());
            depths.addAll(y.depths());
            Set<Location> sites = new java.util.HashSet<>(x.sites());
            sites.addAll(y.sites());
            out.put(k, new Held(depths, sites));
        }
        return new State(out, a.pending() != null && a.pending().equals(b.pending()) ? a.pending() : null);
    }

    @Override
    public State transfer(State state, Cfg.Event event) {
        if (!(event instanceof Cfg.Call call)) {
            return state;
        }
        LockOp op = call.lock();
        State s = new State(state.locks(), null);
        if (op != null) {
            java.util.List<String> keys = keys(op);
            if ((op.action() == LockOp.Action.ACQUIRE || op.action() == LockOp.Action.TRY_ACQUIRE)
                    && zeroOnSuccess(op.api())) {
                State taken = applyAll(s, keys, 1, call.location());
                return new State(taken.locks(), new Pending(keys, call.location(), call.name(),
                        call.call().args(), true));
            }
            return switch (op.action()) {
                case ACQUIRE -> applyAll(s, keys, 1, call.location());
                case RELEASE -> applyAll(s, keys, -1, call.location());
                case TRY_ACQUIRE -> new State(s.locks(), new Pending(keys, call.location(),
                        call.name(), call.call().args(), false));
                default -> s;
            };
        }
        for (Map.Entry<String, Integer> e : effects.of(function, call.call()).entrySet()) {
            s = apply(s, e.getKey(), e.getValue(), call.location());
        }
        return s;
    }

    @Override
    public State branch(State state, Cfg.Edge edge) {
        Pending p = state.pending();
        if (p == null) {
            return state;
        }
        State s = new State(state.locks(), null);
        Boolean nonZero = null;
        Expr cond = edge.condition();
        if (matches(cond, p)) {
            nonZero = edge.when();
        } else if (cond instanceof Expr.Binary b && (b.op().equals("==") || b.op().equals("!="))) {
            boolean zeroRight = b.right() instanceof Expr.Number n && n.value() == 0;
            boolean zeroLeft = b.left() instanceof Expr.Number n && n.value() == 0;
            if ((zeroRight && matches(b.left(), p)) || (zeroLeft && matches(b.right(), p))) {
                nonZero = b.op().equals("==") ? !edge.when() : edge.when();
            }
        }
        if (Boolean.TRUE.equals(nonZero)) {
            // non-zero: a trylock succeeded, an interruptible/killable acquisition failed
            return applyAll(s, p.keys(), p.applied() ? -1 : 1, p.site());
        }
        return s;
    }

    private static boolean matches(Expr e, Pending p) {
        return e instanceof Expr.Call c && c.callee().equals(p.callee()) && c.args().equals(p.args());
    }

    public State applyAll(State s, java.util.List<String> keys, int delta, Location site) {
        State out = s;
        for (String k : keys) {
            out = apply(out, k, delta, site);
        }
        return out;
    }

    public State apply(State s, String key, int delta, Location site) {
        Held h = s.held(key);
        Set<Integer> depths = new TreeSet<>();
        for (int d : h.depths()) {
            int n = d + delta;
            depths.add(Math.max(relative ? -CAP : 0, Math.min(CAP, n)));
        }
        Set<Location> sites = new java.util.HashSet<>(h.sites());
        if (delta > 0) {
            sites.add(site);
        }
        if (depths.stream().allMatch(d -> d <= 0)) {
            sites.clear();
        }
        Map<String, Held> locks = new TreeMap<>(s.locks());
        if (depths.equals(Set.of(0)) && sites.isEmpty()) {
            locks.remove(key);
        } else {
            locks.put(key, new Held(depths, sites));
        }
        return new State(locks, s.pending());
    }
}
