package io.github.dovelint.facts;

import io.github.dovelint.model.Location;

/**
 * A lock (or atomic-section) operation made by a function: taking or dropping
 * a spinlock, mutex, semaphore, RCU read side, preemption or interrupts, or
 * asserting that a lock is held.
 *
 * @param action   what the call does to the lock
 * @param family   which kind of lock ({@code spin}, {@code raw_spin}, {@code hard_spin}, {@code mutex}, ...)
 * @param api      the function called ({@code spin_lock_irqsave})
 * @param lock     the lock expression without a leading {@code &} ({@code files->file_lock}), "" when none
 * @param location where
 */
public record LockOp(Action action, String family, String api, String lock, Location location) {

    public LockOp {
        family = Shared.of(family);
        api = Shared.of(api);
        lock = Shared.of(lock);
    }

    /** What a lock call does. */
    public enum Action {
        ACQUIRE,
        RELEASE,
        /** {@code *_trylock}: acquires only when it returns non-zero. */
        TRY_ACQUIRE,
        /** {@code lockdep_assert_held()}, {@code assert_spin_locked()}. */
        ASSERT_HELD,
        /** {@code spin_is_locked()}, {@code mutex_is_locked()}: a question, often inside an assertion. */
        QUERY
    }

    /** True when the lock expression ends in {@code ->file_lock}: the fd table's lock. */
    public boolean isFileLock() {
        return lock.endsWith("->file_lock") || lock.endsWith(".file_lock");
    }
}
