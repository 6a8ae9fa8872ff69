package io.github.dovelint.rules;

import io.github.dovelint.model.RuleDescriptor;

/**
 * A contract check. Implementations carry a {@link RuleInfo} annotation, are
 * registered as {@code java.util.ServiceLoader} services and must be stateless:
 * one instance checks every program of a run, possibly from several threads.
 */
public interface Rule {

    /** Checks one program and reports through the context. */
    void check(RuleContext context);

    /**
     * What this rule can look at: where it starts and how far it follows calls, built from the
     * same matchers its check uses. A run parses only that part of a large tree; a rule that
     * keeps the default makes every run parse every file.
     */
    default Scope scope() {
        return Scope.everything();
    }

    /** This rule's metadata. */
    default RuleDescriptor descriptor() {
        return RuleDescriptors.of(getClass());
    }
}
