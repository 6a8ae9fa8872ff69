package io.github.dovelint.rules.hookcontext;

import static io.github.dovelint.summary.EffectKind.SLEEP;

import io.github.dovelint.Severity;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.Reach;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.spec.HookContracts;

/**
 * Contract 1: never sleep in a hook, nor in anything it calls. Every hook can
 * run with preemption off ({@code fd_install()} fast path under
 * {@code rcu_read_lock_sched()}) or under {@code files->file_lock}, and that
 * holds for the whole hook, even after it dropped its own locks.
 */
@Reach(defines = Reach.HOOKS)
@RuleInfo(id = "DL101", name = "hook-may-sleep", severity = Severity.ERROR,
        summary = "A call that may sleep is reachable from install_inband_fd, replace_inband_fd or "
                + "uninstall_inband_fd, which run in atomic context.")
public final class HookMaySleep implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(SLEEP).from(context.hooks(HookContracts::mayRunAtomic))) {
            context.report(reached, reached.site().description() + "; reachable from " + reached.entries()
                    + ", which may run in atomic context");
        }
    }
}
