package io.github.dovelint.gate;

/** Whether a run passes its gate, and why. */
public enum Verdict {
    /** No finding at or above the threshold. */
    PASSED,
    /** Some findings at or above the threshold, no more than allowed. */
    TOLERATED,
    /** More findings at or above the threshold than allowed. */
    FAILED_VIOLATIONS,
    /** Some files could not be analysed, and the settings do not let findings alone decide. */
    FAILED_INCOMPLETE;

    /** Whether the gate fails. */
    public boolean fails() {
        return this == FAILED_VIOLATIONS || this == FAILED_INCOMPLETE;
    }
}
