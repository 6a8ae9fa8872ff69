package io.github.dovelint.facts;

/**
 * A function parameter.
 *
 * @param name the parameter's name ("" when unnamed)
 * @param type its type as written, normalised to single spaces ({@code struct file *})
 */
public record Param(String name, String type) {
    public Param {
        name = Shared.of(name);
        type = Shared.of(type);
    }
}
