package io.github.dovelint.rules.fdtable;

import static io.github.dovelint.rules.fdtable.FdTableMatchers.FDTABLE_READ;
import static io.github.dovelint.rules.fdtable.FdTableMatchers.FD_ARRAY_READ;
import static io.github.dovelint.rules.fdtable.FdTableMatchers.FILES_FDTABLE_CALL;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.NullTest;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fd table is read under RCU or the fd table lock (docs/contracts.md#t1-the-fd-table-is-read-under-rcu-or-the-fd-table-lock):
 * {@code files_fdtable(files)} and {@code fdt->fd[]} are read under {@code rcu_read_lock()}, with
 * {@code files->file_lock} held, or by the owner of the last reference to {@code files}; hooks count
 * as protected for their {@code files} argument. A function that reads the table without any of these
 * leaves the protection to its callers, who are checked instead ({@link Preconditions}).
 */
@RuleInfo(id = "DL301", name = "fdtable-unprotected", severity = Severity.ERROR,
        summary = "files_fdtable() or an fdt->fd[] read outside rcu_read_lock() and without ->file_lock held.")
public final class FdtableUnprotected implements Rule {

    /** The functions that read the fd table: where this rule starts. */
    private static final FunctionMatcher READERS = FunctionMatcher.containing(FDTABLE_READ)
            .describedAs("fd-table read");

    @Override
    public Scope scope() {
        return Scope.from(READERS).callers(Sections.CALLER_LEVELS)
                .callees(Sections.HELPER_LEVELS).calleesMentioning(FdTableMatchers::fdTableLocks)
                .withoutMemberCalls();
    }

    @Override
    public void check(RuleContext context) {
        List<FunctionFacts> hooks = context.hooks();
        List<FunctionFacts> relevant = READERS.select(context);
        if (relevant.isEmpty()) {
            return;
        }
        KnowledgeBase kb = context.knowledge();
        Sections sections = new Sections(context.callGraph(), hooks, kb);
        // Each broken requirement once, with every chain that leads to it.
        Map<Location, Report> reports = new TreeMap<>(Comparator.comparing(Location::file)
                .thenComparingInt(Location::line).thenComparingInt(Location::column));
        Preconditions preconditions = new Preconditions(sections,
                (f, entry) -> unprotectedReads(f, sections.isHook(f), sections.solve(f, entry), kb),
                (at, in, message, chain) -> {
                    Report r = reports.computeIfAbsent(at, k -> new Report(in.name(), message, new ArrayList<>()));
                    if (!chain.isEmpty() && r.chains().size() < MAX_CHAINS) {
                        CallChain c = new CallChain(in.name(), chain);
                        if (!r.chains().contains(c)) {
                            r.chains().add(c);
                        }
                    }
                });
        for (FunctionFacts f : relevant) {
            // Unprotected where even an unprotected entry finds nothing: only the others need their
            // callers' protection.
            if (!unprotectedReads(f, sections.isHook(f), sections.unprotected(f), kb).isEmpty()) {
                preconditions.check(f);
            }
        }
        reports.forEach((at, r) -> context.report(at, r.function(), r.message(), r.chains()));
    }

    /** The chains kept for one finding. */
    private static final int MAX_CHAINS = 3;

    private record Report(String function, String message, List<CallChain> chains) {
    }

    /** The fd-table reads {@code f} makes without protection, by location, with their messages. */
    private static Map<Location, String> unprotectedReads(FunctionFacts f, boolean isHook,
                                                          Solution<Sections.Ctx> solution, KnowledgeBase kb) {
        Map<Location, String> found = new TreeMap<>(Comparator.comparing(Location::line)
                .thenComparing(Location::column));
        solution.events((ctx, event) -> {
            if (ctx.inRcu() || ctx.fileLock()) {
                return;
            }
            if (event instanceof Cfg.Call c && FILES_FDTABLE_CALL.matches(event, f, kb)) {
                Expr files = c.call().arg(0);
                if (ctx.hook() && (!isHook || isHookFiles(f, files)) || ctx.owns(files)) {
                    return;
                }
                found.putIfAbsent(c.location(), "files_fdtable(" + (files == null ? "" : files.text())
                        + ") outside rcu_read_lock() and without ->file_lock held");
            } else if (event instanceof Cfg.Deref d && FD_ARRAY_READ.matches(event, f, kb)
                    && d.pointer() instanceof Expr.Member m) {
                if (ctx.hook() && (!isHook || fromHookFiles(f, m.owner(), kb)) || ownsTable(ctx, f, m.owner(), kb)) {
                    return;
                }
                found.putIfAbsent(d.location(), NullTest.key(m) + "[] read outside rcu_read_lock() and without "
                        + "->file_lock held: the fd table may be resized and freed meanwhile");
            }
        });
        return found;
    }

    /** Whether the table {@code owner} is that of a files_struct whose last reference {@code ctx} owns. */
    private static boolean ownsTable(Sections.Ctx ctx, FunctionFacts f, Expr owner, KnowledgeBase kb) {
        if (ctx.owned().isEmpty()) {
            return false;
        }
        Expr files = FdTableMatchers.filesOf(owner, kb);
        if (files != null) {
            return ctx.owns(files);
        }
        if (owner instanceof Expr.Name n) {
            List<Expr> values = f.locals().get(n.id());
            return values != null && !values.isEmpty() && values.stream()
                    .allMatch(v -> v != null && ctx.owns(FdTableMatchers.filesOf(v, kb)));
        }
        return false;
    }

    /** The hook's own {@code files} argument (its third parameter). */
    private static boolean isHookFiles(FunctionFacts hook, Expr e) {
        return e instanceof Expr.Name n && hook.params().size() >= 3 && n.id().equals(hook.params().get(2).name());
    }

    /** {@code fdt} assigned only {@code files_fdtable(files)}, or {@code files->fdt}, for the hook's files. */
    private static boolean fromHookFiles(FunctionFacts hook, Expr owner, KnowledgeBase kb) {
        if (owner instanceof Expr.Member m && m.field().equals("fdt")) {
            return isHookFiles(hook, m.owner());
        }
        if (owner instanceof Expr.Name n) {
            List<Expr> values = hook.locals().get(n.id());
            return values != null && !values.isEmpty() && values.stream()
                    .allMatch(v -> FdTableMatchers.filesOf(v, kb) != null && isHookFiles(hook, FdTableMatchers.filesOf(v, kb)));
        }
        return false;
    }
}
