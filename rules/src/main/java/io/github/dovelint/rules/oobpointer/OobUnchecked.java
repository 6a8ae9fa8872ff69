package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.OobPaths;
import io.github.dovelint.flow.Dataflow;
import io.github.dovelint.flow.Solution;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hooks test it for NULL (docs/contracts.md#c53-hooks-test-it-for-null): hooks are called for every fd, oob-capable or not, so the
 * file's oob pointer must be tested against NULL before it is dereferenced.
 */
@RuleInfo(id = "DL201", name = "oob-unchecked", severity = Severity.ERROR,
        summary = "A hook dereferences the file's oob pointer on a path where it was not tested against NULL; "
                + "hooks run for every fd, most of which are not oob-capable.")
public final class OobUnchecked implements Rule {

    /** Every hook: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks();

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        Set<String> fields = new LinkedHashSet<>(context.knowledge().oobFields());
        OobPaths paths = OobPaths.of(fields);
        OobDerefs helpers = new OobDerefs(context.callGraph(), paths);
        for (FunctionFacts hook : ENTRIES.select(context)) {
            if (!hook.cfg().available()) {
                continue;
            }
            OobFlow flow = new OobFlow(hook, paths, helpers, false);
            Solution<OobFlow.State> solution = Dataflow.forward(hook.cfg(), flow);
            Map<Location, String> findings = new TreeMap<>(Comparator.comparing(Location::line)
                    .thenComparing(Location::column).thenComparing(Location::file));
            solution.events((before, event) -> {
                for (OobFlow.Unchecked u : flow.unchecked(before, event)) {
                    String member = u.sources().stream().filter(s -> !s.startsWith("@")).sorted()
                            .findFirst().orElse(null);
                    if (member == null) {
                        continue;
                    }
                    String what = u.text().equals(member) ? member : u.text() + " (" + member + ")";
                    String how = u.via() == null ? "dereferences " + what
                            : "passes " + what + " to " + u.via() + "(), which dereferences it";
                    findings.putIfAbsent(u.at(), hook.name() + "() " + how + " without testing it against NULL "
                            + "first; the hooks run for every fd, and only oob-capable files have one");
                }
            });
            findings.forEach((at, message) -> context.report(at, hook.name(), message, java.util.List.of()));
        }
    }
}
