package io.github.dovelint.rules;

import io.github.dovelint.model.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of a rule's public metadata. Documentation pages, SARIF
 * rule descriptors, {@code dovelint rules} and IDE markers all read it from here.
 * The long text (what, why, examples, fix) lives in the rule's page,
 * {@code /io/github/dovelint/rules/pages/<id>.md} on the class path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Public, stable id: {@code DL101}. */
    String id();

    /** Short kebab-case name: {@code hook-may-sleep}. */
    String name();

    /** Default severity; a project configuration may change it. */
    Severity severity();

    /** One sentence for listings and SARIF {@code shortDescription}. */
    String summary();
}
