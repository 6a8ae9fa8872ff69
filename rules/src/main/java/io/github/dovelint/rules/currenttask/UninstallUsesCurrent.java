package io.github.dovelint.rules.currenttask;

import static io.github.dovelint.summary.EffectKind.CURRENT_FILES;
import static io.github.dovelint.summary.EffectKind.CURRENT_MM;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.spec.HookContracts;

/**
 * Uninstall never relies on the current task (docs/contracts.md#c4-uninstall-never-relies-on-the-current-task): {@code uninstall_inband_fd} must not use {@code current->files}
 * or {@code current->mm}. {@code close_files()} calls it from
 * {@code put_files_struct()}: at exit {@code current->files} is already NULL,
 * and the last reference may be dropped by an unrelated task (a /proc reader).
 * Install and replace may use them: there {@code files == current->files}.
 */
@RuleInfo(id = "DL104", name = "uninstall-uses-current", severity = Severity.ERROR,
        summary = "uninstall_inband_fd, or something it calls, uses current->files or current->mm, "
                + "which may be NULL or belong to another task when it runs.")
public final class UninstallUsesCurrent implements Rule {

    /** The hooks that may run at exit or from another task: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks(HookContracts::mayRunWithForeignFiles);

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(CURRENT_FILES, CURRENT_MM)
                .from(ENTRIES.select(context))) {
            context.report(reached, reached.site().description() + "; reachable from " + reached.entries()
                    + ", which may run at exit or in another task: use its files argument");
        }
    }
}
