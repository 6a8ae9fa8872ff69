package io.github.dovelint.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Per-task state a kernel function touches implicitly, the values of a
 * function's {@code uses} attribute. The {@code current-*} ones matter because
 * {@code uninstall_inband_fd} may run in a task that does not own the
 * {@code files} it is given, or while {@code current->files} is already NULL
 * (Uninstall never relies on the current task, docs/contracts.md#c4-uninstall-never-relies-on-the-current-task); the {@code task-*} ones say the same of the task passed at the
 * function's {@code task-arg}, which is a finding only when that task is
 * {@code current}.
 */
public enum Use {
    /** Implicitly uses {@code current->files} (the fd table of the calling task). */
    CURRENT_FILES("current-files", false),
    /** Implicitly uses {@code current->mm} (the address space of the calling task). */
    CURRENT_MM("current-mm", false),
    /** Uses the {@code files} of the task passed at the function's {@code task-arg}. */
    TASK_FILES("task-files", true),
    /** Uses the {@code mm} of the task passed at the function's {@code task-arg}. */
    TASK_MM("task-mm", true);

    private final String key;
    private final boolean taskRelative;

    Use(String key, boolean taskRelative) {
        this.key = key;
        this.taskRelative = taskRelative;
    }

    /** The word used in YAML. */
    public String key() {
        return key;
    }

    /** True for the {@code task-*} uses, which need a {@code task-arg}. */
    public boolean isTaskRelative() {
        return taskRelative;
    }

    /** True when this concerns the fd table ({@code files}), false for the address space ({@code mm}). */
    public boolean isFiles() {
        return this == CURRENT_FILES || this == TASK_FILES;
    }

    public static Optional<Use> byKey(String key) {
        return Arrays.stream(values()).filter(u -> u.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Use::key).toList();
    }
}
