package io.github.dovelint.kb;

import io.github.dovelint.model.Location;
import java.util.Objects;

/**
 * One named GFP value as written: a flag (an integer literal, the kernel's
 * {@code ___GFP_*} bits) or a mask (an expression over flags, masks and
 * literals with {@code | & ^ ~ ( )}). Definitions are kept as text so that a
 * configuration can add or replace names and the whole table is re-evaluated.
 *
 * @param name       the macro name
 * @param expression the literal or expression text
 * @param flag       true for a {@code flags:} entry, false for a {@code masks:} entry
 * @param where      where the expression text starts (for located errors), or null
 */
public record GfpDefinition(String name, String expression, boolean flag, Location where) {

    public GfpDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }
}
