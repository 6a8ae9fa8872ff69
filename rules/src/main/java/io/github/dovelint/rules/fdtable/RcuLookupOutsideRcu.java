package io.github.dovelint.rules.fdtable;

import io.github.dovelint.Location;
import io.github.dovelint.Severity;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.Reach;
import io.github.dovelint.rules.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Seed 001: {@code lookup_fd_rcu()} / {@code files_lookup_fd_rcu()} only inside {@code rcu_read_lock()}. */
@Reach(mentions = {"lookup_fd_rcu", "files_lookup_fd_rcu"}, callers = Sections.CALLER_LEVELS,
        callees = Sections.HELPER_LEVELS, calleesMentioning = Reach.FD_TABLE_LOCKS, followsMembers = false)
@RuleInfo(id = "DL303", name = "rcu-lookup-outside-rcu", severity = Severity.ERROR,
        summary = "lookup_fd_rcu() or files_lookup_fd_rcu() called outside rcu_read_lock().")
public final class RcuLookupOutsideRcu implements Rule {

    static final Set<String> LOOKUPS = Set.of("lookup_fd_rcu", "files_lookup_fd_rcu");

    @Override
    public void check(RuleContext context) {
        List<FunctionFacts> relevant = new java.util.ArrayList<>();
        for (FunctionFacts f : context.program().functions()) {
            if (f.cfg().available() && f.cfg().blocks().stream().flatMap(b -> b.events().stream())
                    .anyMatch(e -> e instanceof Cfg.Call c && c.name() != null && LOOKUPS.contains(c.name()))) {
                relevant.add(f);
            }
        }
        // Only a lookup unprotected even from an unprotected entry needs the callers' protection.
        Sections sections = new Sections(context.callGraph(), context.hooks());
        List<FunctionFacts> suspects = relevant.stream()
                .filter(f -> !lookupsOutsideRcu(sections.unprotected(f)).isEmpty()).toList();
        for (FunctionFacts f : suspects) {
            for (Lookup l : lookupsOutsideRcu(sections.solve(f))) {
                context.report(l.call().location(), f.name(), f.name() + "() calls " + l.call().name()
                        + "() outside rcu_read_lock(): the file it returns may be freed at any moment"
                        + (l.fileLock() ? " (holding ->file_lock is not what it checks: use "
                        + "files_lookup_fd_locked())" : ""), List.of());
            }
        }
    }

    /** A lookup made outside RCU, and whether {@code ->file_lock} is held there. */
    private record Lookup(Cfg.Call call, boolean fileLock) {
    }

    /** The lookups made outside RCU, the first at each location. */
    private static List<Lookup> lookupsOutsideRcu(Solution<Sections.Ctx> solution) {
        List<Lookup> out = new java.util.ArrayList<>();
        Set<Location> seen = new HashSet<>();
        solution.events((ctx, event) -> {
            if (event instanceof Cfg.Call c && c.name() != null && LOOKUPS.contains(c.name()) && !ctx.inRcu()
                    && seen.add(c.location())) {
                out.add(new Lookup(c, ctx.fileLock()));
            }
        });
        return out;
    }
}
