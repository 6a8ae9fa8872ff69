package io.github.dovelint.summary;

/**
 * When an effect happens as seen from a function: always; only when the mask
 * computed from one of its parameters allows direct reclaim (a helper that
 * allocates with the {@code gfp} its caller passes); or only when one of its
 * parameters is a particular object (a helper that locks the {@code spinlock_t *}
 * it is given, or frees the pointer it is given: an effect on the fd table's
 * {@code file_lock} or on the file's oob object only when the caller passes one).
 *
 * @param mask    the mask condition, or null
 * @param subject what the parameter {@code subjectParam} must be, or null
 * @param subjectParam the parameter {@code subject} applies to, -1 when none
 * @param instance for {@link Subject#INSTANCE}, the embedded members naming the instance, else null
 */
record Cond(Mask mask, Subject subject, int subjectParam, java.util.List<String> instance) {

    /** What a parameter must be for a subject-conditioned effect to happen. */
    enum Subject {
        /** A pointer to the fd table's lock ({@code &files->file_lock}). */
        FILE_LOCK,
        /** The file's oob object ({@code file->oob_data}, or an alias of it). */
        OOB_OBJECT,
        /**
         * The current task ({@code current}, {@code get_current()}, or a local holding it): a
         * helper that uses the files or mm of the task it is given uses the caller's own when
         * the caller passes {@code current}.
         */
        TASK,
        /**
         * A particular embedded instance of a struct ({@code &xbuf->ibnd.ring}): a call through a
         * member of the parameter ({@code ring->wait_input(...)}) reaches a function bound only
         * in that instance ({@code xbuf->ibnd.ring.wait_input = inbound_wait_input}), so what that
         * function does happens only for a caller passing it (docs/internals.md#instances).
         */
        INSTANCE,
        /**
         * Anything but NULL: what a function does only behind {@code if (ufd)} happens for a
         * caller passing a pointer, not one passing NULL (docs/kernel-db.md#null-arguments).
         */
        NONNULL
    }

    static final Cond ALWAYS = new Cond(null, null, -1, null);

    Cond {
        instance = instance == null ? null : java.util.List.copyOf(instance);
    }

    static Cond onParam(Mask mask) {
        return new Cond(mask, null, -1, null);
    }

    static Cond paramIs(int param, Subject subject) {
        return new Cond(null, subject, param, null);
    }

    /** Only when parameter {@code param} is the instance {@code members} names. */
    static Cond instance(int param, java.util.List<String> members) {
        return new Cond(null, Subject.INSTANCE, param, members);
    }

    boolean isAlways() {
        return mask == null && subject == null;
    }

    /**
     * Whether the effect counts for an entry point, whose parameters may be anything: always, or
     * when a parameter is a particular instance or not NULL (an entry point may be given any).
     */
    boolean atEntry() {
        return isAlways() || subject == Subject.INSTANCE || subject == Subject.NONNULL;
    }

    /** The parameter the condition depends on, or -1. */
    int param() {
        if (mask != null) {
            return mask.param();
        }
        return subject != null ? subjectParam : -1;
    }
}
