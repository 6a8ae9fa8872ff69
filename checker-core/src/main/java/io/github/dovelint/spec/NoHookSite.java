package io.github.dovelint.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A place of {@code fs/file.c} that changes fd tables without calling any
 * hook. Declared on {@link InbandFdHooks}; it ends up in the contract table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NoHookSite {

    /** The code path, e.g. {@code "dup_fd() (fork, unshare, exec)"}. */
    String site();

    /** Why it matters to a core. */
    String why();
}
