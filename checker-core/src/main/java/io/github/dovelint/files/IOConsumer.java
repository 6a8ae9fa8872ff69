package io.github.dovelint.files;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: {@code java.util.function.Consumer}
 * cannot, and the writers of atomic files write to a {@link java.io.Writer} or a channel, which do.
 *
 * @param <T> what is consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
