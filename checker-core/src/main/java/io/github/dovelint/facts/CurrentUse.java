package io.github.dovelint.facts;

import io.github.dovelint.model.Location;

/**
 * A use of a field of the current task: {@code current->files},
 * {@code get_current()->mm}, or {@code t->files} where {@code t} holds {@code current}.
 *
 * @param field    the task_struct field ({@code files}, {@code mm}, {@code pid}, ...)
 * @param text     the expression as written
 * @param location where
 */
public record CurrentUse(String field, String text, Location location) {
    public CurrentUse {
        field = Shared.of(field);
    }
}
