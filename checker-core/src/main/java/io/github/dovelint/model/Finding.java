package io.github.dovelint.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One violation of a contract.
 *
 * @param ruleId    the public, stable rule id ({@code DL101})
 * @param ruleName  the rule's short name ({@code hook-may-sleep})
 * @param severity  the effective severity (after configuration)
 * @param message   one sentence saying what is wrong
 * @param location  the primary location
 * @param function  the function that contains the primary location, or "" at file scope
 * @param snippet   the source line at the primary location, trimmed (for fingerprints and excerpts)
 * @param chains    the call chains that explain the finding, one per entry point, may be empty
 */
public record Finding(String ruleId, String ruleName, Severity severity, String message,
                      Location location, String function, String snippet, List<CallChain> chains)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        function = function == null ? "" : function;
        snippet = snippet == null ? "" : snippet;
        chains = List.copyOf(chains);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, ruleName, newSeverity, message, location, function, snippet, chains);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
