package io.github.dovelint.spec;

/**
 * The Dovetail fd hooks, as the VFS calls them: the single declaration of the
 * hook contracts. Each method carries one {@link CallSite} per place of
 * {@code fs/file.c} that calls it, with the context on entry; its Javadoc's
 * first paragraph is the "why" the rule pages print. At build time,
 * {@code io.github.dovelint.spec.gen.ContractTableGenerator} reads this source
 * file with JavaParser and generates {@code contracts.tsv} and {@code why.md}
 * (see {@link ContractTable}); the rules' assumptions ({@link HookContracts})
 * are tested against that table.
 *
 * <p>{@code files} is the {@code struct files_struct} identity; {@code fd} the
 * descriptor number; {@code file} the {@code struct file} now at (install,
 * replace) or just removed from (uninstall) that fd.
 */
@NoHookSite(site = "dup_fd() (fork, unshare, exec of a shared table)",
        why = "the copied fds are never installed in the new table, yet its later close, dup2 and exit call uninstall and replace for them")
public interface InbandFdHooks {

    /**
     * install_inband_fd() runs when a new fd is published: on the fast path of
     * fd_install() inside rcu_read_lock_sched(), so with preemption disabled
     * and without file_lock, and on the resize slow path under file_lock. It
     * may therefore run atomic, and file_lock is not always held: a hook must
     * neither sleep nor assume (or take) file_lock. current->files is always
     * the files argument.
     */
    @CallSite(site = "fd_install() fast path", fileLock = false, preemptible = false, current = CurrentFiles.SAME,
            why = "fd_install() stores the file under rcu_read_lock_sched(): preemption is off, file_lock is not taken")
    @CallSite(site = "fd_install() resize slow path", fileLock = true, preemptible = false, current = CurrentFiles.SAME,
            why = "while another thread resizes the table, fd_install() takes spin_lock(&files->file_lock) instead")
    void install(int fd, FileRef file, int files);

    /**
     * replace_inband_fd() runs from do_dup2() (dup2, dup3, replace_fd,
     * receive_fd_replace) with file_lock held, whether or not the target fd
     * was open before. The old file is not passed and gets no uninstall: the
     * core must update, create or remove its entry for (files, fd) from the
     * new file alone. current->files is the files argument.
     */
    @CallSite(site = "do_dup2()", fileLock = true, preemptible = false, current = CurrentFiles.SAME,
            why = "do_dup2() swaps the fd table slot under spin_lock(&files->file_lock) and closes the old file only after unlocking")
    void replace(int fd, FileRef file, int files);

    /**
     * uninstall_inband_fd() runs when an fd goes away: from
     * file_close_fd_locked() (close, close_range) and do_close_on_exec() with
     * file_lock held, and from close_files() when the last reference to the
     * table is dropped, with no lock held, preemptible, possibly in another
     * task (a /proc reader) and, at exit, with current->files already NULL.
     * It must use its files argument, never current->files, and be a no-op
     * for an (files, fd) it never saw (fds a fork child inherited).
     */
    @CallSite(site = "file_close_fd_locked()", fileLock = true, preemptible = false, current = CurrentFiles.SAME,
            why = "close() and close_range() clear the slot under spin_lock(&files->file_lock)")
    @CallSite(site = "do_close_on_exec()", fileLock = true, preemptible = false, current = CurrentFiles.SAME,
            why = "exec closes the close-on-exec fds one by one under spin_lock(&files->file_lock)")
    @CallSite(site = "close_files() at exit", fileLock = false, preemptible = true, current = CurrentFiles.NULL,
            why = "exit_files() sets current->files to NULL before put_files_struct() drops the last reference; close_files() takes no lock")
    @CallSite(site = "close_files() by another task", fileLock = false, preemptible = true, current = CurrentFiles.OTHER,
            why = "whoever drops the last reference (a /proc reader, a pidfd user) runs close_files() in its own context")
    void uninstall(int fd, FileRef file, int files);
}
