package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.List;

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
 * @param path      for an assignment, the members leading to the struct assigned, from the
 *                  variable written through ({@code ibnd.ring} for {@code xbuf->ibnd.ring.wait_input = f},
 *                  empty for {@code ops->get = f}); null for an initializer. Instances of one
 *                  struct embedded at different places bind different functions
 *                  (docs/internals.md#instances).
 */
public record FieldBinding(String structTag, String field, String function, Location location, String owner,
                           Location ownerAt, String path) {
    public FieldBinding {
        structTag = Shared.of(structTag);
        field = Shared.of(field);
        function = Shared.of(function);
        owner = Shared.of(owner);
        path = Shared.of(path);
    }

    /** A binding made in an initializer. */
    public FieldBinding(String structTag, String field, String function, Location location, String owner,
                        Location ownerAt) {
        this(structTag, field, function, location, owner, ownerAt, null);
    }

    /** A binding made by an assignment ({@code ops->get = fn}) through {@code path}, outside any initializer. */
    public FieldBinding(String structTag, String field, String function, Location location, String path) {
        this(structTag, field, function, location, null, null, path);
    }

    /**
     * The members of {@link #path}, outermost first; empty when the binding says nothing of
     * where the struct is (an initializer, or an assignment through a plain pointer).
     */
    public List<String> pathMembers() {
        return path == null || path.isEmpty() ? List.of() : List.of(path.split("\\."));
    }
}
