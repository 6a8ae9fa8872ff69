package io.github.dovelint.spec;

/**
 * The call sites the VFS model goes through. Each label is the {@code site} of
 * one {@link CallSite} on {@link InbandFdHooks}; a test checks that the model's
 * contexts match the declared ones.
 */
public enum Site {
    FD_INSTALL(Hook.INSTALL, "fd_install() fast path"),
    FD_INSTALL_SLOWPATH(Hook.INSTALL, "fd_install() resize slow path"),
    DO_DUP2(Hook.REPLACE, "do_dup2()"),
    FILE_CLOSE_FD_LOCKED(Hook.UNINSTALL, "file_close_fd_locked()"),
    DO_CLOSE_ON_EXEC(Hook.UNINSTALL, "do_close_on_exec()"),
    CLOSE_FILES_AT_EXIT(Hook.UNINSTALL, "close_files() at exit"),
    CLOSE_FILES_BY_OTHER(Hook.UNINSTALL, "close_files() by another task");

    private final Hook hook;
    private final String label;

    Site(Hook hook, String label) {
        this.hook = hook;
        this.label = label;
    }

    public Hook hook() {
        return hook;
    }

    public String label() {
        return label;
    }
}
