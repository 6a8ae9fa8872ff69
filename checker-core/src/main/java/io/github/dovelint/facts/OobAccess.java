package io.github.dovelint.facts;

import io.github.dovelint.model.Location;

/**
 * A use of the file's out-of-band pointer ({@code file->oob_data} on older
 * Dovetail kernels, {@code file->f_oob_ctx} on recent ones).
 *
 * @param kind     how it is used
 * @param field    the field name
 * @param owner    the expression the field is read from ({@code file}, {@code filp})
 * @param location where
 * @param value    for a {@link Kind#WRITE}, the value assigned; null otherwise
 */
public record OobAccess(Kind kind, String field, String owner, Location location, Expr value) {

    public OobAccess {
        field = Shared.of(field);
        owner = Shared.of(owner);
    }

    /** True for a write of {@code NULL} (or 0): the pointer is cleared, not set. */
    public boolean writesNull() {
        return kind == Kind.WRITE && (value instanceof Expr.Name n && n.id().equals("NULL")
                || value instanceof Expr.Number z && z.value() == 0);
    }

    /** How the pointer is used. */
    public enum Kind {
        /** Read as a value ({@code ctx = file->oob_data}, passed to a call). */
        READ,
        /** Assigned ({@code file->oob_data = ctx}). */
        WRITE,
        /** Tested against NULL ({@code if (file->oob_data)}, {@code !file->oob_data}, {@code == NULL}). */
        NULL_TEST
    }
}
