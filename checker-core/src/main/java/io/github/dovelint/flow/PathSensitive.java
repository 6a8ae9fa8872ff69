package io.github.dovelint.flow;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes an analysis path-sensitive for correlated tests: each state is kept
 * per set of branch outcomes that led to it ({@code need_lock} true, {@code p}
 * non-NULL), and an edge whose test contradicts an outcome already taken on
 * that path is not followed. So {@code if (x) lock(); ... if (x) unlock();}
 * pairs up. An outcome is forgotten when a variable it mentions is assigned
 * (or passed by address); tests that call functions are never recorded. At
 * most {@code limit} paths are kept apart; past that they are merged with
 * the base analysis's join (and only the outcomes they share).
 *
 * @param <S> the base analysis's state
 */
public final class PathSensitive<S> implements FlowAnalysis<PathSensitive.Paths<S>> {

    /** One path class: a base state and the outcomes that hold on it. */
    public record Path<S>(S state, Map<String, Boolean> facts) {
        public Path {
            facts = Map.copyOf(facts);
        }
    }

    /** The path classes reaching a point. */
    public record Paths<S>(Set<Path<S>> paths) {
        public Paths {
            paths = Set.copyOf(paths);
        }
    }

    public static final int DEFAULT_LIMIT = 16;

    private final FlowAnalysis<S> base;
    private final int limit;

    public PathSensitive(FlowAnalysis<S> base, int limit) {
        this.base = base;
        this.limit = Math.max(1, limit);
    }

    public PathSensitive(FlowAnalysis<S> base) {
        this(base, DEFAULT_LIMIT);
    }

    /** All the paths' base states joined: the path-insensitive view. */
    public S merged(Paths<S> p) {
        S out = null;
        for (Path<S> path : p.paths()) {
            out = out == null ? path.state() : base.join(out, path.state());
        }
        return out;
    }

    @Override
    public Paths<S> initial() {
        return new Paths<>(Set.of(new Path<>(base.initial(), Map.of())));
    }

    @Override
    public Paths<S> join(Paths<S> a, Paths<S> b) {
        Set<Path<S>> all = new LinkedHashSet<>(a.paths());
        all.addAll(b.paths());
        if (all.size() <= limit) {
            return new Paths<>(all);
        }
        S state = null;
        Map<String, Boolean> shared = null;
        for (Path<S> p : all) {
            state = state == null ? p.state() : base.join(state, p.state());
            if (shared == null) {
                shared = new HashMap<>(p.facts());
            } else {
                shared.entrySet().retainAll(p.facts().entrySet());
            }
        }
        return new Paths<>(Set.of(new Path<>(state, shared)));
    }

    @Override
    public Paths<S> transfer(Paths<S> in, Cfg.Event event) {
        Set<Path<S>> out = new LinkedHashSet<>();
        for (Path<S> p : in.paths()) {
            out.add(new Path<>(base.transfer(p.state(), event), kill(p.facts(), event)));
        }
        return new Paths<>(out);
    }

    @Override
    public Paths<S> branch(Paths<S> in, Cfg.Edge edge) {
        String key = edge.conditional() ? key(edge.condition()) : null;
        boolean value = key != null && outcome(edge);
        Set<Path<S>> out = new LinkedHashSet<>();
        for (Path<S> p : in.paths()) {
            if (key != null && p.facts().containsKey(key) && p.facts().get(key) != value) {
                continue; // contradicts a test already taken on this path
            }
            S s = base.branch(p.state(), edge);
            if (s == null) {
                continue;
            }
            Map<String, Boolean> facts = p.facts();
            if (key != null) {
                facts = new HashMap<>(facts);
                facts.put(key, value);
            }
            out.add(new Path<>(s, facts));
        }
        return out.isEmpty() ? null : new Paths<>(out);
    }

    /** What a test is about: a pointer's NULL-ness, or the condition's text; null when it calls anything. */
    static String key(Expr condition) {
        if (containsCall(condition, 0)) {
            return null;
        }
        NullTest t = NullTest.of(condition);
        return t != null ? "nonnull " + NullTest.key(t.pointer()) : "cond " + NullTest.key(condition);
    }

    private static boolean outcome(Cfg.Edge edge) {
        NullTest t = NullTest.of(edge.condition());
        return t != null ? t.nonNullAlong(edge) : edge.when();
    }

    private static boolean containsCall(Expr e, int depth) {
        if (depth > 32 || e instanceof Expr.Call) {
            return true;
        }
        if (e instanceof Expr.Other o) {
            return o.text().contains("(") && o.text().matches(".*[A-Za-z0-9_]\\s*\\(.*");
        }
        if (e instanceof Expr.Unary u) {
            return containsCall(u.operand(), depth + 1);
        }
        if (e instanceof Expr.Binary b) {
            return containsCall(b.left(), depth + 1) || containsCall(b.right(), depth + 1);
        }
        if (e instanceof Expr.Member m) {
            return containsCall(m.owner(), depth + 1);
        }
        if (e instanceof Expr.Conditional c) {
            return containsCall(c.condition(), depth + 1) || containsCall(c.yes(), depth + 1)
                    || containsCall(c.no(), depth + 1);
        }
        return false;
    }

    /** Forgets the outcomes that mention what {@code event} may write. */
    private static Map<String, Boolean> kill(Map<String, Boolean> facts, Cfg.Event event) {
        if (facts.isEmpty()) {
            return facts;
        }
        List<String> written = new ArrayList<>();
        if (event instanceof Cfg.Assign a) {
            written.add(root(a.target()));
        } else if (event instanceof Cfg.Call c) {
            for (Expr arg : c.call().args()) {
                if (arg instanceof Expr.Unary u && u.op().equals("&")) {
                    written.add(root(u.operand()));
                }
            }
        }
        if (written.isEmpty()) {
            return facts;
        }
        Map<String, Boolean> out = new HashMap<>(facts);
        for (String w : written) {
            if (w == null) {
                return Map.of(); // a write we cannot name: forget everything
            }
            Pattern mention = Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(w) + "([^A-Za-z0-9_]|$)");
            out.keySet().removeIf(k -> mention.matcher(k.substring(k.indexOf(' ') + 1)).find());
        }
        return out;
    }

    /** The variable an lvalue writes into ({@code x} for {@code x}, {@code x->f}, {@code x.f[i]}). */
    private static String root(Expr target) {
        Expr cur = target;
        for (int i = 0; i < 32; i++) {
            if (cur instanceof Expr.Name n) {
                return n.id();
            }
            if (cur instanceof Expr.Member m) {
                cur = m.owner();
            } else if (cur instanceof Expr.Unary u) {
                cur = u.operand();
            } else {
                String t = cur.text().replaceAll("^[^A-Za-z_]*", "");
                int end = 0;
                while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
                    end++;
                }
                return end == 0 ? null : t.substring(0, end);
            }
        }
        return null;
    }
}
