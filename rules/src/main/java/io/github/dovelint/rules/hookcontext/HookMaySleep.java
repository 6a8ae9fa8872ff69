package io.github.dovelint.rules.hookcontext;

import static io.github.dovelint.summary.EffectKind.SLEEP;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.spec.HookContracts;

/**
 * Hooks never sleep (docs/contracts.md#c1-hooks-never-sleep): never sleep in a hook, nor in anything it calls. Every hook can
 * run with preemption off ({@code fd_install()} fast path under
 * {@code rcu_read_lock_sched()}) or under {@code files->file_lock}, and that
 * holds for the whole hook, even after it dropped its own locks.
 */
@RuleInfo(id = "DL101", name = "hook-may-sleep", severity = Severity.ERROR,
        summary = "A call that may sleep is reachable from install_inband_fd, replace_inband_fd or "
                + "uninstall_inband_fd, which run in atomic context.")
public final class HookMaySleep implements Rule {

    /** The hooks that may run in atomic context: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks(HookContracts::mayRunAtomic);

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(SLEEP).from(ENTRIES.select(context))) {
            context.report(reached, reached.site().description() + "; reachable from " + reached.entries()
                    + ", which may run in atomic context");
        }
    }
}
