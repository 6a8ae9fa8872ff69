package io.github.dovelint.facts;

/**
 * One copy of each short string the facts hold. Facts of a whole kernel
 * tree hold tens of millions of identifiers, field names and type spellings,
 * mostly the same few hundred thousand ({@code file}, {@code GFP_KERNEL},
 * {@code spin_lock}, {@code struct inode *}); fact records pass their strings
 * through here when built, whether by the extractor or the cache.
 */
final class Shared {

    /** Longest string worth sharing: identifiers and short expressions repeat, long texts rarely do. */
    static final int MAX = 48;

    private Shared() {
    }

    /** The shared copy of {@code s} (null stays null). */
    static String of(String s) {
        return s == null || s.length() > MAX ? s : s.intern();
    }
}
