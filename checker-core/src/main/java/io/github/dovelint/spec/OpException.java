package io.github.dovelint.spec;

/**
 * An operation that cannot happen in the model (an unknown task, a child name
 * already taken, a drop without a hold): not a system call error, a scenario
 * error. {@link #argument()} is the index of the offending word of the
 * scenario line (0 is the operation name), for located messages.
 */
public class OpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int argument;

    public OpException(String message, int argument) {
        super(message);
        this.argument = argument;
    }

    public int argument() {
        return argument;
    }
}
