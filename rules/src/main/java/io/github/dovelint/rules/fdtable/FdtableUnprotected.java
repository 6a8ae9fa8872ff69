package io.github.dovelint.rules.fdtable;

import io.github.dovelint.Location;
import io.github.dovelint.Severity;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.NullTest;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.Reach;
import io.github.dovelint.rules.RuleInfo;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seed 001: the fd table is read under {@code rcu_read_lock()} or with
 * {@code files->file_lock} held; hooks count as protected for their
 * {@code files} argument.
 */
@Reach(mentions = {"files_fdtable", "fd[+fdt", "fd[+*_fdt"}, callers = Sections.CALLER_LEVELS,
        callees = Sections.HELPER_LEVELS, calleesMentioning = Reach.FD_TABLE_LOCKS, followsMembers = false)
@RuleInfo(id = "DL301", name = "fdtable-unprotected", severity = Severity.ERROR,
        summary = "files_fdtable() or an fdt->fd[] read outside rcu_read_lock() and without ->file_lock held.")
public final class FdtableUnprotected implements Rule {

    @Override
    public void check(RuleContext context) {
        List<FunctionFacts> hooks = context.hooks();
        List<FunctionFacts> relevant = new java.util.ArrayList<>();
        for (FunctionFacts f : context.program().functions()) {
            if (f.cfg().available() && mayRead(f)) {
                relevant.add(f);
            }
        }
        if (relevant.isEmpty()) {
            return;
        }
        Set<String> hookIds = new HashSet<>();
        hooks.forEach(h -> hookIds.add(h.id()));
        // Unprotected where even an unprotected entry finds nothing: only the others need their
        // callers' protection.
        Sections sections = new Sections(context.callGraph(), hooks);
        List<FunctionFacts> suspects = new java.util.ArrayList<>();
        for (FunctionFacts f : relevant) {
            if (!unprotectedReads(f, hookIds.contains(f.id()), sections.unprotected(f)).isEmpty()) {
                suspects.add(f);
            }
        }
        for (FunctionFacts f : suspects) {
            unprotectedReads(f, hookIds.contains(f.id()), sections.solve(f)).forEach((at, message) ->
                    context.report(at, f.name(), f.name() + "(): " + message, List.of()));
        }
    }

    /** The fd-table reads {@code f} makes without protection, by location, with their messages. */
    private static Map<Location, String> unprotectedReads(FunctionFacts f, boolean isHook,
                                                          Solution<Sections.Ctx> solution) {
        Map<Location, String> found = new TreeMap<>(Comparator.comparing(Location::line)
                .thenComparing(Location::column));
        solution.events((ctx, event) -> {
            if (ctx.inRcu() || ctx.fileLock()) {
                return;
            }
            if (event instanceof Cfg.Call c && "files_fdtable".equals(c.name())) {
                Expr files = c.call().arg(0);
                if (ctx.hook() && (!isHook || isHookFiles(f, files))) {
                    return;
                }
                found.putIfAbsent(c.location(), "files_fdtable(" + (files == null ? "" : files.text())
                        + ") outside rcu_read_lock() and without ->file_lock held");
            } else if (event instanceof Cfg.Deref d && d.kind() == Cfg.DerefKind.INDEX
                    && d.pointer() instanceof Expr.Member m && m.arrow() && m.field().equals("fd")
                    && isFdtable(f, m.owner())) {
                if (ctx.hook() && (!isHook || fromHookFiles(f, m.owner()))) {
                    return;
                }
                found.putIfAbsent(d.location(), NullTest.key(m) + "[] read outside rcu_read_lock() and without "
                        + "->file_lock held: the fd table may be resized and freed meanwhile");
            }
        });
        return found;
    }

    /** Whether {@code f} has an event the check below looks at, whatever the context. */
    private static boolean mayRead(FunctionFacts f) {
        for (Cfg.Block b : f.cfg().blocks()) {
            for (Cfg.Event event : b.events()) {
                if (event instanceof Cfg.Call c && "files_fdtable".equals(c.name())) {
                    return true;
                }
                if (event instanceof Cfg.Deref d && d.kind() == Cfg.DerefKind.INDEX
                        && d.pointer() instanceof Expr.Member m && m.arrow() && m.field().equals("fd")
                        && isFdtable(f, m.owner())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The hook's own {@code files} argument (its third parameter). */
    private static boolean isHookFiles(FunctionFacts hook, Expr e) {
        return e instanceof Expr.Name n && hook.params().size() >= 3 && n.id().equals(hook.params().get(2).name());
    }

    /** {@code fdt} assigned only {@code files_fdtable(files)}, or {@code files->fdt}, for the hook's files. */
    private static boolean fromHookFiles(FunctionFacts hook, Expr owner) {
        if (owner instanceof Expr.Member m && m.field().equals("fdt")) {
            return isHookFiles(hook, m.owner());
        }
        if (owner instanceof Expr.Name n) {
            List<Expr> values = hook.locals().get(n.id());
            return values != null && !values.isEmpty() && values.stream().allMatch(v -> fdtableOf(v) != null
                    && isHookFiles(hook, fdtableOf(v)));
        }
        return false;
    }

    /** The files argument of {@code files_fdtable(x)} or {@code rcu_dereference*(x->fdt)}, or null. */
    private static Expr fdtableOf(Expr v) {
        if (v instanceof Expr.Call c && c.args().size() >= 1) {
            if (c.callee().equals("files_fdtable")) {
                return c.args().get(0);
            }
            if (c.callee().startsWith("rcu_dereference") && c.args().get(0) instanceof Expr.Member m
                    && m.field().equals("fdt")) {
                return m.owner();
            }
        }
        if (v instanceof Expr.Member m && m.field().equals("fdt")) {
            return m.owner();
        }
        return null;
    }

    /** Whether {@code owner} is an fd table: {@code x->fdt}, or a local from {@code files_fdtable()} or named {@code fdt}. */
    private static boolean isFdtable(FunctionFacts f, Expr owner) {
        if (owner instanceof Expr.Member m) {
            return m.field().equals("fdt");
        }
        if (owner instanceof Expr.Call c) {
            return fdtableOf(c) != null;
        }
        if (owner instanceof Expr.Name n) {
            List<Expr> values = f.locals().get(n.id());
            if (values != null && values.stream().anyMatch(v -> fdtableOf(v) != null)) {
                return true;
            }
            return n.id().equals("fdt") || n.id().endsWith("_fdt");
        }
        return false;
    }
}
