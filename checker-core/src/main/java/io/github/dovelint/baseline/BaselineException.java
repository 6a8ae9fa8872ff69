package io.github.dovelint.baseline;

import java.io.IOException;

/** A baseline file that cannot be read: missing, not JSON, or not a dovelint baseline. */
public final class BaselineException extends IOException {

    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
