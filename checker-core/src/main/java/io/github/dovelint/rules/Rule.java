package io.github.dovelint.rules;

/**
 * A contract check. Implementations carry a {@link RuleInfo} annotation, are
 * registered as {@code java.util.ServiceLoader} services and must be stateless:
 * one instance checks every program of a run, possibly from several threads.
 */
public interface Rule {

    /** Checks one program and reports through the context. */
    void check(RuleContext context);

    /** This rule's metadata. */
    default RuleDescriptor descriptor() {
        return RuleDescriptor.of(getClass());
    }
}
