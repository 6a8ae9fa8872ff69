package io.github.dovelint.facts;

import io.github.dovelint.model.Location;

/**
 * A function stored in a struct member, found in a static initializer
 * ({@code .get = pool_get}) or an assignment ({@code ops->get = pool_get}).
 * Calls through the same member resolve to it.
 *
 * @param structTag the struct's tag when known, else null
 * @param field     the member name
 * @param function  the function's name
 * @param location  where the binding is written
 * @param owner     the variable whose initializer holds the binding ({@code evl_fops}), or null
 *                  for an assignment
 * @param ownerAt   where that variable is declared (its name), or null
 */
public record FieldBinding(String structTag, String field, String function, Location location, String owner,
                           Location ownerAt) {
    public FieldBinding {
        structTag = Shared.of(structTag);
        field = Shared.of(field);
        function = Shared.of(function);
        owner = Shared.of(owner);
    }

    /** A binding made by an assignment ({@code ops->get = fn}), outside any initializer. */
    public FieldBinding(String structTag, String field, String function, Location location) {
        this(structTag, field, function, location, null, null);
    }
}
