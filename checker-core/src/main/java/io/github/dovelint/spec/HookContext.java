package io.github.dovelint.spec;

/**
 * The context a hook is entered in, as the VFS model computed it from the
 * locks it holds at that point: the call site, whether {@code files->file_lock}
 * is held, whether the task is preemptible, what {@code current->files} is and
 * which task runs the hook.
 */
public record HookContext(Site site, boolean fileLock, boolean preemptible, CurrentFiles current, String task) {

    /** Whether the hook runs in atomic context (a spinlock held or preemption off). */
    public boolean atomic() {
        return fileLock || !preemptible;
    }

    @Override
    public String toString() {
        return site.label() + "; file_lock " + (fileLock ? "held" : "not held")
                + "; " + (preemptible ? "preemptible" : "preemption off")
                + "; current->files: " + current.label() + "; task " + task;
    }
}
