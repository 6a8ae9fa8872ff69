package io.github.dovelint.slice;

import java.util.List;

/**
 * What one C file names, found without preprocessing or parsing: the
 * functions it defines and the identifiers each one mentions, the identifiers
 * outside any function, the member bindings ({@code .release = foo}), its
 * macros and the identifiers each one expands to, and its quoted includes.
 * Identifiers are {@link Symbols} numbers; each array is sorted and without
 * duplicates.
 *
 * <p>It over-approximates on purpose: both branches of every {@code #if} are
 * read; every identifier counts, whether it names a function, a variable, a
 * type or a member. See {@link FileScanner} for what it may miss.
 *
 * @param functions    the name of each function defined, in source order
 * @param mentions     for each function, the identifiers in its body
 * @param fileScope    the identifiers outside function bodies
 * @param bindings     member and function of each {@code .member = function} or
 *                     {@code ->member = function}, as {@code member << 32 | function}; a
 *                     variable initialised at file scope ({@code void (*cb)(void) = f;})
 *                     binds its function to the pseudo-member {@code cb=}
 * @param macros       the name of each macro defined
 * @param expansions   for each macro, the identifiers in its replacement
 * @param includes     the file names of the {@code #include "..."} directives, as written
 * @param digest       128 bits over everything above, by name: equal digests, equal indexes
 *                     (whatever the symbol numbers of the run)
 */
public record FileIndex(int[] functions, int[][] mentions, int[] fileScope, long[] bindings, int[] macros,
                        int[][] expansions, List<String> includes, byte[] digest) {

    /** The member of a binding. */
    public static int member(long binding) {
        return (int) (binding >>> 32);
    }

    /** The function of a binding. */
    public static int function(long binding) {
        return (int) binding;
    }
}
