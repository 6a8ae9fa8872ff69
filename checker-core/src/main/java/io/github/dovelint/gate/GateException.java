package io.github.dovelint.gate;

import java.io.IOException;

/**
 * A gate that could not be applied; the cause says why in the words of what
 * failed (the baseline reader, git), which the front ends show as they are.
 */
public final class GateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which input of the gate failed. */
    public enum Stage {
        /** Reading the baseline file. */
        BASELINE,
        /** Asking git which lines changed. */
        NEW_SINCE
    }

    private final Stage stage;

    GateException(Stage stage, IOException cause) {
        super(cause.getMessage(), cause);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
