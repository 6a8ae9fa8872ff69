package io.github.dovelint.summary;

/**
 * The behaviours dovelint tracks through the call graph. Each is found
 * locally (a call, a field use) and then propagated to every caller.
 */
public enum EffectKind {
    /** May sleep: a sleeping API, or an allocation whose GFP mask allows direct reclaim. */
    SLEEP,
    /** Uses {@code current->files}, directly or through an API that does. */
    CURRENT_FILES,
    /** Uses {@code current->mm}, directly or through an API that does. */
    CURRENT_MM,
    /**
     * Takes, tries or drops the fd table's lock: a lock call on an expression ending in
     * {@code ->file_lock} (directly, through a local alias, or through a helper given it),
     * or a call to an API the knowledge base marks {@code takes-file-lock}.
     */
    FILE_LOCK,
    /**
     * Asserts that the fd table's lock is held: {@code lockdep_assert_held()},
     * {@code assert_spin_locked()}, or {@code spin_is_locked()} / {@code lockdep_is_held()}
     * inside {@code WARN_ON()}, {@code BUG_ON()}, {@code rcu_dereference_protected()} and friends.
     */
    FILE_LOCK_ASSERT,
    /** Assigns the file's oob pointer a value other than {@code NULL}. */
    OOB_SET,
    /** Assigns {@code NULL} to the file's oob pointer. */
    OOB_CLEAR,
    /**
     * Frees the file's oob object: a call to an API with {@code frees-arg} whose argument is
     * the oob pointer, a local alias of it, or (through a helper) a parameter given it.
     */
    OOB_FREE
}
