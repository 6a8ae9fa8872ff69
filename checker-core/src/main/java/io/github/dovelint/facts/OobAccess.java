package io.github.dovelint.facts;

import io.github.dovelint.model.Location;

/**
 * A use of the file's out-of-band pointer ({@code file->oob_data},
 * {@code file->f_oob_ctx} or {@code file->f_oob_state.data} depending on the
 * Dovetail generation, see {@link OobPaths}).
 *
 * @param kind     how it is used
 * @param field    the member path of the pointer ({@code oob_data}, {@code f_oob_state.data})
 * @param owner    the file expression the path is read from ({@code file}, {@code filp})
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
