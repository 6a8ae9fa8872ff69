package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.summary.EffectKind.OOB_CLEAR;
import static io.github.dovelint.summary.EffectKind.OOB_SET;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;

/**
 * Hooks never write it (docs/contracts.md#c54-hooks-never-write-it): the file's oob pointer belongs to the driver that opened the
 * file. A hook sees every fd of every file, oob or not, and must only read it.
 */
@RuleInfo(id = "DL202", name = "oob-written-in-hook", severity = Severity.ERROR,
        summary = "A hook, or something it calls, assigns the file's oob pointer, which belongs to the "
                + "driver that opened the file.")
public final class OobWrittenInHook implements Rule {

    /** Every hook: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks();

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(OOB_SET, OOB_CLEAR).from(ENTRIES.select(context))) {
            context.report(reached, reached.site().description() + " in " + reached.site().function()
                    + "(); reachable from " + reached.entries() + ": only the driver's .open/.release may write it");
        }
    }
}
