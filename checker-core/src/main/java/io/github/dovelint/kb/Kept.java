package io.github.dovelint.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a curated entry is kept although a kernel database is derived from the kernel's own
 * bodies, the values of a function's {@code kept} attribute (docs/kernel-db.md#curated): the
 * bundled kernel.yml holds only what derivation cannot see, each entry saying which of these it is.
 */
public enum Kept {
    /** A macro or an inline function of a header in a shipped kernel: derivation reads .c files only. */
    HEADER("header", "a macro or inline function of a header: derivation reads .c files only"),
    /** Defined in only one shipped kernel: a run reading another's database still knows it. */
    ONE_KERNEL("one-kernel", "defined in only one shipped kernel: a run reading another kernel's database "
            + "still knows it"),
    /** A name only kernels older than the shipped ones define. */
    OLDER("older", "a name only older kernels define"),
    /** The effect itself, not a call derivation could follow. */
    PRIMITIVE("primitive", "the effect itself (a context switch, an annotation, the allocator's free, "
            + "a read of a task's files or mm), not a call derivation could follow"),
    /** Its body gets to the effect through what derivation does not follow. */
    HIDDEN("hidden", "its body gets there through what derivation does not follow "
            + "(a header macro or inline, an indirect call, a work item)"),
    /** A configuration Dovetail never uses defines it without the effect, or only one option defines it. */
    CONFIGURATION("configuration", "a configuration Dovetail never uses defines it without the effect, "
            + "or its only definition is under a configuration option"),
    /** Derivation stops here: what happens on the way down is no bug of the caller. */
    NEVER_RETURNS("never-returns", "it never returns: what it does on the way down is no bug of its caller, "
            + "so derivation stops there"),
    /** Derivation stops here: its sleeps lie behind tests of its mask that derivation cannot follow. */
    MASK_TESTS("mask-tests", "its sleeps lie behind tests of its mask that derivation cannot follow, "
            + "so derivation stops there"),
    /** Derivation finds an effect on a path that is never taken. */
    CORRECTS("corrects", "derivation finds an effect on a path that is never taken");

    private final String key;
    private final String meaning;

    Kept(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    /** The word used in YAML. */
    public String key() {
        return key;
    }

    /** What the word means, for {@code kb show}. */
    public String meaning() {
        return meaning;
    }

    public static Optional<Kept> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Kept::key).toList();
    }
}
