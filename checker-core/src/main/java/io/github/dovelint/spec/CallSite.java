package io.github.dovelint.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One place of {@code fs/file.c} that calls a hook, and the context the hook
 * runs in there. Declared on the methods of {@link InbandFdHooks}; the build
 * reads these declarations from the source (JavaParser) to generate the
 * contract table. Keep every member a literal: the generator does not
 * evaluate expressions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(CallSite.List.class)
public @interface CallSite {

    /** The call site, as the contract table prints it, e.g. {@code "fd_install() fast path"}. */
    String site();

    /** Whether {@code files->file_lock} is held on entry. */
    boolean fileLock();

    /** Whether the hook runs preemptible (no spinlock, no RCU-sched section). */
    boolean preemptible();

    /** What {@code current->files} is on entry. */
    CurrentFiles current();

    /** One sentence: why the context is what it is (the kernel code behind it). */
    String why();

    /** The container of repeated {@link CallSite}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        CallSite[] value();
    }
}
