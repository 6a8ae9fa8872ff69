package io.github.dovelint.spec;

/** One hook call: which hook, its arguments and its entry context. */
public record HookCall(Hook hook, int fd, FileRef file, int files, HookContext context) {

    /** {@code install(fd=3, file=#2 oob, files=F1)}. */
    public String call() {
        return hook.shortName() + "(fd=" + fd + ", file=" + file + ", files=F" + files + ")";
    }

    @Override
    public String toString() {
        return call() + " [" + context + "]";
    }
}
