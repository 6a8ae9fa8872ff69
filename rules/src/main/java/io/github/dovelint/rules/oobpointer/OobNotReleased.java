package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.summary.EffectKind.OOB_CLEAR;
import static io.github.dovelint.summary.EffectKind.OOB_FREE;
import static io.github.dovelint.summary.EffectKind.OOB_SET;

import io.github.dovelint.facts.FieldBinding;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.util.List;

/**
 * Torn down in release (docs/contracts.md#c52-torn-down-in-release): what {@code .open} hangs on
 * the file, {@code .release} tears down. Any of these counts: clearing (or assigning) the pointer,
 * freeing the oob object (the summaries' effects), freeing the object that embeds it or calling
 * the core's release helper, directly or through helpers with bodies in the run ({@link Teardowns}).
 * Without it the oob object outlives the file, or the pointer dangles for the oob side.
 * {@code .open} sets the pointer when it reaches a write of it, or a call to a core helper the
 * knowledge base names ({@code oob-open-helpers}) whose body is not in the run.
 */
@RuleInfo(id = "DL205", name = "oob-not-released", severity = Severity.WARNING,
        summary = "A file_operations whose .open sets the file's oob pointer has no .release, or a .release "
                + "that neither clears the pointer, frees the oob object (or the object embedding it) nor "
                + "calls the core's release helper.")
public final class OobNotReleased implements Rule {

    @Override
    public Scope scope() {
        return Scope.from(FunctionMatcher.accessingOobPointer()).callers(Scope.ALL)
                .and(Scope.from(OobMatchers.CALLING_CORE_HELPERS).callers(Scope.ALL));
    }

    @Override
    public void check(RuleContext context) {
        Teardowns teardowns = null;
        for (RuleContext.FileOperations fops : context.fileOperations()) {
            FieldBinding open = fops.member("open");
            if (open == null) {
                continue;
            }
            List<Reached> sets = context.reachable(OOB_SET).from(context.definitionsOf(open));
            if (sets.isEmpty()) {
                continue;
            }
            List<CallChain> chains = sets.get(0).chains();
            String setter = open.function() + "() " + sets.get(0).site().description();
            FieldBinding release = fops.member("release");
            if (release == null) {
                context.report(fops.location(), "", fops.name() + ": .open " + setter
                        + " but there is no .release to clear it or free the oob object", chains);
                continue;
            }
            List<FunctionFacts> releases = context.definitionsOf(release);
            if (releases.isEmpty() || !context.reachable(OOB_CLEAR, OOB_SET, OOB_FREE).from(releases).isEmpty()) {
                continue;
            }
            if (teardowns == null) {
                teardowns = new Teardowns(context.callGraph(), context.knowledge());
            }
            if (releases.stream().noneMatch(teardowns::tearsDown)) {
                context.report(fops.location(), "", fops.name() + ": .open " + setter
                        + " but its .release, " + release.function()
                        + "(), neither clears the pointer, frees the oob object or the object embedding it, "
                        + "nor calls the core's release helper", chains);
            }
        }
    }
}
