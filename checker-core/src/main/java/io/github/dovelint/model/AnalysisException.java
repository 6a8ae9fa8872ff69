package io.github.dovelint.model;

/**
 * The run could not start or finish: a missing path, an invalid configuration.
 * Carries the location of the problem when there is one (a config file line).
 */
public final class AnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public AnalysisException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public AnalysisException(String message) {
        this(null, message);
    }

    /** Where the problem is, or null. */
    public Location location() {
        return location;
    }

    /** {@code file:line:col: message}, or the bare message when there is no location. */
    public String describe() {
        String m = getMessage();
        if (location == null) {
            return m;
        }
        String prefix = location + ": ";
        return m.startsWith(location.file() + ":") ? m : prefix + m;
    }
}
