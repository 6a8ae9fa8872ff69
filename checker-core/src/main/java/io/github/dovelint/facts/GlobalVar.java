package io.github.dovelint.facts;

/**
 * A file-scope variable with a scalar initializer ({@code static const gfp_t evl_gfp = GFP_KERNEL;}).
 * Kept so that a GFP mask read from such a variable can be evaluated: a
 * companion core often names its allocation mask once at the top of a file.
 *
 * @param name     the variable
 * @param isStatic declared {@code static}: visible only in the translation unit that defines it
 * @param value    its initializer
 */
public record GlobalVar(String name, boolean isStatic, Expr value) {
}
