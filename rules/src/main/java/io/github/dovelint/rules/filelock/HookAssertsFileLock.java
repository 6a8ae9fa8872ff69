package io.github.dovelint.rules.filelock;

import static io.github.dovelint.summary.EffectKind.FILE_LOCK_ASSERT;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.spec.HookContracts;

/**
 * Hooks never assume the fd table lock is held (docs/contracts.md#c3-hooks-never-assume-the-fd-table-lock-is-held): never assume {@code file_lock} is held in a hook. The
 * {@code fd_install()} fast path (under {@code rcu_read_lock_sched()} only)
 * and the exit-time {@code close_files()} call the hooks without it. A helper
 * the hook calls asserts on the same paths, so callees count. The entry
 * points are the hooks the spec says may run without the lock: every call
 * site of {@code replace_inband_fd} ({@code do_dup2()}) holds it.
 */
@RuleInfo(id = "DL103", name = "hook-asserts-file-lock", severity = Severity.ERROR,
        summary = "A hook, or something it calls, asserts that files->file_lock is held, but the "
                + "fd_install() fast path and the exit-time uninstall run without it.")
public final class HookAssertsFileLock implements Rule {

    /** The hooks some caller runs without file_lock: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks(hook -> !HookContracts.fileLockAlwaysHeld(hook));

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(FILE_LOCK_ASSERT)
                .from(ENTRIES.select(context))) {
            context.report(reached, reached.site().description() + "; reachable from " + reached.entries()
                    + ", which fd_install() and close_files() call without files->file_lock");
        }
    }
}
