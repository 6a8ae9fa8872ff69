package io.github.dovelint.engine;

/**
 * Which files of a program unit a run parses: every one, or only those its rules can
 * reach (from their {@link io.github.dovelint.rules.Scope}s), the others listed as out of reach.
 */
public enum ParseScope {
    /** Only the rules' reach in a unit of more than {@link #AUTO_THRESHOLD} sources, else every file. */
    AUTO,
    /** Every file. */
    ALL,
    /** Only the rules' reach, whatever the size. */
    REACH;

    /** Units with more sources than this are sliced under {@link #AUTO}. */
    public static final int AUTO_THRESHOLD = 500;

    /** Whether a unit of {@code sources} files is sliced. */
    public boolean slices(int sources) {
        return this == REACH || this == AUTO && sources > AUTO_THRESHOLD;
    }
}
