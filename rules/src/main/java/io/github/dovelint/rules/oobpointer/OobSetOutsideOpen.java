package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.summary.EffectKind.OOB_CLEAR;
import static io.github.dovelint.summary.EffectKind.OOB_SET;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.summary.Site;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Set before the fd is published (docs/contracts.md#c51-set-before-the-fd-is-published): the driver sets the oob pointer in {@code .open}, before
 * {@code fd_install()} calls {@code install_inband_fd()}. Set later, the
 * install hook already ran and missed the file. {@code .release} may clear it.
 * Writes reachable from a hook are DL202's, not reported again here.
 */
@RuleInfo(id = "DL204", name = "oob-set-outside-open", severity = Severity.ERROR,
        summary = "The file's oob pointer is assigned outside the driver's file_operations.open handler "
                + "(and what only it calls), after install_inband_fd() already ran for the fd.")
public final class OobSetOutsideOpen implements Rule {

    @Override
    public Scope scope() {
        return Scope.from(FunctionMatcher.hooks())
                .and(Scope.from(FunctionMatcher.accessingOobPointer()).callers(Scope.ALL).callees(0));
    }

    /**
     * Whether the site is a write in {@code f}'s own text, not a call to a core helper the knowledge
     * base says sets the pointer ({@code oob-open-helpers}, body not in the run): a core calls its
     * helper for the files it creates itself before their {@code fd_install()}
     * (docs/contracts.md#c51-set-before-the-fd-is-published), which this rule does not model.
     */
    private static boolean ownWrite(FunctionFacts f, Site site) {
        return f.oobAccesses().stream().anyMatch(a -> a.location().equals(site.location()));
    }

    @Override
    public void check(RuleContext context) {
        List<Map.Entry<FunctionFacts, Set<Site>>> written = new ArrayList<>(); // not a map: facts hash deep
        for (FunctionFacts f : context.program().functions()) {
            Set<Site> sites = context.localSites(f, OOB_SET, OOB_CLEAR);
            if (!sites.isEmpty()) {
                written.add(Map.entry(f, sites));
            }
        }
        if (written.isEmpty()) {
            return; // most of a tree: spares the whole-program reachability below
        }
        Set<String> openOnly = context.onlyReachableFrom(context.handlers("open"));
        Set<String> releaseOnly = context.onlyReachableFrom(context.handlers("release"));
        Set<Location> fromHooks = new HashSet<>();
        for (Reached r : context.reachable(OOB_SET, OOB_CLEAR).from(context.hooks())) {
            fromHooks.add(r.site().location());
        }
        for (Map.Entry<FunctionFacts, Set<Site>> w : written) {
            FunctionFacts f = w.getKey();
            if (openOnly.contains(f.id())) {
                continue;
            }
            for (Site site : w.getValue()) {
                // The facts do not carry the assigned value when NULL is the kernel's ((void *)0):
                // a write only .release can make is taken as clearing the pointer.
                if (fromHooks.contains(site.location()) || releaseOnly.contains(f.id()) || !ownWrite(f, site)) {
                    continue;
                }
                String message = site.kind() == OOB_CLEAR
                        ? f.name() + "() " + site.description() + " outside the driver's .open and .release "
                                + "handlers; only .release may clear it"
                        : f.name() + "() " + site.description() + " outside the driver's .open handler: "
                                + "install_inband_fd() already ran for the fd and missed it (only .release "
                                + "may clear it)";
                context.report(site.location(), f.name(), message, List.of());
            }
        }
    }
}
