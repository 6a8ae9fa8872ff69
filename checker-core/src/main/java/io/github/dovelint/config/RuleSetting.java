package io.github.dovelint.config;

import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration's setting for one rule: a severity, or disabled
 * ({@code off}). The location is kept because only the analyzer knows which
 * rule ids exist and must be able to point at an unknown one.
 *
 * @param ruleId   the rule id as written ({@code DL} + 3 digits)
 * @param severity the severity to report with, or null when the rule is off
 * @param where    where the rule id was written
 */
public record RuleSetting(String ruleId, Severity severity, Location where) {

    public RuleSetting {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(where, "where");
    }

    /** False for {@code off}. */
    public boolean enabled() {
        return severity != null;
    }

    /** The severity, empty when the rule is off. */
    public Optional<Severity> severityIfEnabled() {
        return Optional.ofNullable(severity);
    }
}
