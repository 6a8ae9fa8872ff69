package io.github.dovelint.report;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: {@code java.util.function.Consumer}
 * cannot, and report writers write to {@link java.io.Writer}s, which do.
 *
 * @param <T> what is consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
