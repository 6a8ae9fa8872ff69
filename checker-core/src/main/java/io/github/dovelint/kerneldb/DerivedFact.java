package io.github.dovelint.kerneldb;

import java.util.Comparator;
import java.util.Objects;

/**
 * One line of a kernel database: what derivation found one function does, and why.
 *
 * @param function  the function's name
 * @param attribute a {@code functions:} key of kernel.yml ({@code sleeps}, {@code gfp-arg}, {@code uses},
 *                  {@code takes-file-lock}, {@code frees-arg})
 * @param value     its value as written in YAML ({@code true}, {@code 1}, {@code current-files})
 * @param reason    the first step of the way there: {@code calls mutex_lock() at kernel/irq/irqdomain.c:123}
 */
public record DerivedFact(String function, String attribute, String value, String reason)
        implements Comparable<DerivedFact> {

    private static final Comparator<DerivedFact> ORDER = Comparator.comparing(DerivedFact::function)
            .thenComparing(DerivedFact::attribute).thenComparing(DerivedFact::value)
            .thenComparing(DerivedFact::reason);

    public DerivedFact {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        reason = reason == null ? "" : reason.indexOf('\t') < 0 && reason.indexOf('\n') < 0
                && reason.indexOf('\r') < 0 ? reason : reason.replaceAll("[\\t\\r\\n]+", " ");
    }

    @Override
    public int compareTo(DerivedFact o) {
        return ORDER.compare(this, o);
    }
}
