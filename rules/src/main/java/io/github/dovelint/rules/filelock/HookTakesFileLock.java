package io.github.dovelint.rules.filelock;

import static io.github.dovelint.summary.EffectKind.FILE_LOCK;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;

/**
 * Hooks never take or drop the fd table lock (docs/contracts.md#c2-hooks-never-take-or-drop-the-fd-table-lock): never take or drop {@code files->file_lock} in a hook, nor call
 * a VFS helper that takes it. {@code do_dup2()}, {@code file_close_fd_locked()}
 * and {@code do_close_on_exec()} call the hooks with it held (self-deadlock);
 * dropping it breaks the caller's critical section.
 */
@RuleInfo(id = "DL102", name = "hook-takes-file-lock", severity = Severity.ERROR,
        summary = "A hook, or something it calls, takes or drops files->file_lock, or calls a VFS helper "
                + "that takes it, while its caller may already hold it.")
public final class HookTakesFileLock implements Rule {

    /** Every hook: where this rule starts. */
    private static final FunctionMatcher ENTRIES = FunctionMatcher.hooks();

    @Override
    public Scope scope() {
        return Scope.from(ENTRIES);
    }

    @Override
    public void check(RuleContext context) {
        for (Reached reached : context.reachable(FILE_LOCK).from(ENTRIES.select(context))) {
            context.report(reached, reached.site().description() + "; reachable from " + reached.entries()
                    + ", whose callers (do_dup2, close, exec) may already hold files->file_lock");
        }
    }
}
