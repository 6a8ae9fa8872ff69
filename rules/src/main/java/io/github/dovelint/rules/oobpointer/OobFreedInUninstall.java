package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.summary.EffectKind.OOB_FREE;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.spec.Hook;

/**
 * Uninstall never frees it (docs/contracts.md#c55-uninstall-never-frees-it): uninstall is a per-fd event. Other fds (dup, fork children)
 * may still refer to the same file; its oob object is torn down by the
 * driver's {@code .release} when the last reference goes.
 */
@RuleInfo(id = "DL203", name = "oob-freed-in-uninstall", severity = Severity.ERROR,
        summary = "uninstall_inband_fd, or something it calls, frees the file's oob object, which other "
                + "fds of the same file may still use.")
public final class OobFreedInUninstall implements Rule {

    /** The uninstall hook: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks(hook -> hook == Hook.UNINSTALL);

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(OOB_FREE).from(ENTRIES.select(context))) {
            context.report(reached, reached.site().description() + "; reachable from " + reached.entries()
                    + ", a per-fd event: other fds may still refer to the file; free it in the driver's .release");
        }
    }
}
