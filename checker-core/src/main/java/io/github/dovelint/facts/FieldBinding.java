package io.github.dovelint.facts;

import io.github.dovelint.Location;

/**
 * A function stored in a struct member, found in a static initializer
 * ({@code .get = pool_get}) or an assignment ({@code ops->get = pool_get}).
 * Calls through the same member resolve to it.
 *
 * @param structTag the struct's tag when known, else null
 * @param field     the member name
 * @param function  the function's name
 * @param location  where the binding is written
 */
public record FieldBinding(String structTag, String field, String function, Location location) {
}
