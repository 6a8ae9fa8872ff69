package io.github.dovelint.yaml;

import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import java.util.Objects;

/**
 * A configuration or knowledge-base file that cannot be used, with the exact
 * place (file as given, 1-based line and column) so that a user can fix it
 * without guessing. The kind tells apart a file that could not be read or
 * decoded ({@link Problem.Kind#INPUT}) from one whose content is invalid
 * ({@link Problem.Kind#CONFIG}).
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final Problem.Kind kind;
    private final String detail;

    /** An invalid-content error at {@code location}. */
    public ConfigException(Location location, String detail) {
        this(Problem.Kind.CONFIG, location, detail, null);
    }

    public ConfigException(Problem.Kind kind, Location location, String detail, Throwable cause) {
        super(location + ": " + detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.location = Objects.requireNonNull(location, "location");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }

    /** CONFIG for invalid content, INPUT for an unreadable or undecodable file. */
    public Problem.Kind kind() {
        return kind;
    }

    /** This error as a {@link Problem} for reports. */
    public Problem toProblem() {
        return new Problem(kind, location, detail);
    }
}
