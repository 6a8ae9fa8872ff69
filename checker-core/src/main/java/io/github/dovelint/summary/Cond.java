package io.github.dovelint.summary;

/**
 * When an effect happens as seen from a function: always, or only when the
 * mask computed from one of its parameters allows direct reclaim (a helper
 * that allocates with the {@code gfp} its caller passes).
 */
record Cond(Mask mask) {

    static final Cond ALWAYS = new Cond(null);

    static Cond onParam(Mask mask) {
        return new Cond(mask);
    }

    boolean isAlways() {
        return mask == null;
    }

    /** The parameter the condition depends on, or -1. */
    int param() {
        return mask == null ? -1 : mask.param();
    }
}
