package io.github.dovelint.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The attributes a {@code functions:} entry may carry, in one place: the YAML
 * key, the value type and what it means. The shared parser
 * ({@link FunctionSpecParser}) and {@link FunctionSpec} are driven by this
 * enum, so a new attribute (for instance lock acquire/release kinds) is one
 * constant here plus, if it needs a new value shape, one {@link Type} and a
 * typed accessor on {@link FunctionSpec}.
 */
public enum FunctionAttribute {
    /** true: calling it may sleep; false: known not to sleep, even if its body is in the analysed code. */
    SLEEPS("sleeps", Type.BOOLEAN),
    /** The 0-based index of the GFP mask argument; the call may sleep iff that mask allows direct reclaim. */
    GFP_ARG("gfp-arg", Type.INDEX),
    /** Per-task state used implicitly (see {@link Use}). */
    USES("uses", Type.USES),
    /** The 0-based index of the task argument the {@code task-*} uses refer to. */
    TASK_ARG("task-arg", Type.INDEX),
    /** true: takes and drops {@code files->file_lock} internally (Hooks never take or drop the fd table lock, docs/contracts.md#c2-hooks-never-take-or-drop-the-fd-table-lock). */
    TAKES_FILE_LOCK("takes-file-lock", Type.BOOLEAN),
    /** The 0-based index of the argument whose object is freed (Uninstall never frees it, docs/contracts.md#c55-uninstall-never-frees-it). */
    FREES_ARG("frees-arg", Type.INDEX),
    /**
     * The 0-based index of the {@code struct file *} argument whose oob pointer the function sets
     * (Set before the fd is published, docs/contracts.md#c51-set-before-the-fd-is-published):
     * a core's open helper, as derived from a Dovetail tree (docs/kernel-db.md#oob-pointer).
     */
    SETS_OOB("sets-oob", Type.INDEX),
    /** The 0-based index of the {@code struct file *} argument whose oob pointer the function clears. */
    CLEARS_OOB("clears-oob", Type.INDEX),
    /**
     * Why a curated entry says what a kernel database could otherwise say ({@link Kept}): every
     * entry of the bundled kernel.yml gives one (docs/kernel-db.md#curated).
     */
    KEPT("kept", Type.KEPT),
    /** A short human reason, shown in messages. */
    WHY("why", Type.TEXT);

    /** The shape of an attribute's value and its Java representation. */
    public enum Type {
        /** {@link Boolean}. */
        BOOLEAN,
        /** {@link Integer}, at least 0. */
        INDEX,
        /** An unmodifiable {@code Set<Use>}. */
        USES,
        /** {@link String}. */
        TEXT,
        /** {@link Kept}. */
        KEPT
    }

    private final String key;
    private final Type type;

    FunctionAttribute(String key, Type type) {
        this.key = key;
        this.type = type;
    }

    /** The YAML key. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public static Optional<FunctionAttribute> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    /** All YAML keys, for validation messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(FunctionAttribute::key).toList();
    }
}
