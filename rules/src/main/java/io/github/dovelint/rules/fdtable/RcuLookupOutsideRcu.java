package io.github.dovelint.rules.fdtable;

import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** RCU fd lookups run inside an RCU read-side section (docs/contracts.md#t3-rcu-fd-lookups-run-inside-an-rcu-read-side-section): {@code lookup_fd_rcu()} / {@code files_lookup_fd_rcu()} only inside {@code rcu_read_lock()}. */
@RuleInfo(id = "DL303", name = "rcu-lookup-outside-rcu", severity = Severity.ERROR,
        summary = "lookup_fd_rcu() or files_lookup_fd_rcu() called outside rcu_read_lock().")
public final class RcuLookupOutsideRcu implements Rule {

    /** The functions that call an RCU lookup: where this rule starts. */
    private static final FunctionMatcher LOOKERS = FunctionMatcher.containing(FdTableMatchers.LOOKUP_CALL)
            .describedAs("RCU fd lookup");

    @Override
    public Scope scope() {
        return Scope.from(LOOKERS).callers(Sections.CALLER_LEVELS).callees(Sections.HELPER_LEVELS)
                .calleesMentioning(FdTableMatchers::fdTableLocks).withoutMemberCalls();
    }

    @Override
    public void check(RuleContext context) {
        List<FunctionFacts> relevant = LOOKERS.select(context);
        // Only a lookup unprotected even from an unprotected entry needs the callers' protection.
        Sections sections = new Sections(context.callGraph(), context.hooks(), context.knowledge());
        List<FunctionFacts> suspects = relevant.stream()
                .filter(f -> !lookupsOutsideRcu(f, sections.unprotected(f), context.knowledge()).isEmpty()).toList();
        for (FunctionFacts f : suspects) {
            for (Lookup l : lookupsOutsideRcu(f, sections.solve(f), context.knowledge())) {
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
    private static List<Lookup> lookupsOutsideRcu(FunctionFacts f, Solution<Sections.Ctx> solution,
                                                  KnowledgeBase kb) {
        List<Lookup> out = new java.util.ArrayList<>();
        Set<Location> seen = new HashSet<>();
        solution.events((ctx, event) -> {
            if (event instanceof Cfg.Call c && FdTableMatchers.LOOKUP_CALL.matches(event, f, kb) && !ctx.inRcu()
                    && seen.add(c.location())) {
                out.add(new Lookup(c, ctx.fileLock()));
            }
        });
        return out;
    }
}
