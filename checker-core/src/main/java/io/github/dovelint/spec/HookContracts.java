package io.github.dovelint.spec;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The hook contexts the static rules assume, in one small table rules can
 * read. {@code HookContractsTest} fails when these assumptions and the
 * generated {@link ContractTable} (the spec) disagree: change the spec, and
 * the rules relying on it are pointed at.
 */
public final class HookContracts {

    private HookContracts() {
    }

    /** One assumption: which rule relies on it, what it says, and the hooks it holds for. */
    public record Assumption(String rule, String property, Set<Hook> hooks) {
    }

    /** DL101 (hook-may-sleep): every hook may run in atomic context. */
    private static final Set<Hook> ATOMIC = EnumSet.allOf(Hook.class);
    /** DL104 (uninstall-uses-current): only uninstall may run with current->files NULL or another table. */
    private static final Set<Hook> FOREIGN_FILES = EnumSet.of(Hook.UNINSTALL);
    /**
     * DL103 (future, file_lock): file_lock is held at every call site of replace only; install (fast
     * path) and uninstall (close_files()) may run without it, so asserting it there is a bug.
     */
    private static final Set<Hook> FILE_LOCK_ALWAYS = EnumSet.of(Hook.REPLACE);

    /** The assumptions, for tests and docs. */
    public static final List<Assumption> ASSUMPTIONS = List.of(
            new Assumption("DL101", "may run atomic", ATOMIC),
            new Assumption("DL104", "may run with current->files NULL or another table", FOREIGN_FILES),
            new Assumption("DL103", "file_lock held on entry at every call site", FILE_LOCK_ALWAYS));

    /** Whether the hook may run in atomic context (DL101 checks every such hook for sleeping calls). */
    public static boolean mayRunAtomic(Hook hook) {
        return ATOMIC.contains(hook);
    }

    /** Whether current->files may be NULL or unrelated to the files argument (DL104). */
    public static boolean mayRunWithForeignFiles(Hook hook) {
        return FOREIGN_FILES.contains(hook);
    }

    /** Whether file_lock is held at every call site (DL103 reports hooks that assume it). */
    public static boolean fileLockAlwaysHeld(Hook hook) {
        return FILE_LOCK_ALWAYS.contains(hook);
    }
}
