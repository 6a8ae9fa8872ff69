package io.github.dovelint.spec;

/**
 * A {@code struct file} as a hook sees it: its identity and whether its oob
 * pointer ({@code oob_data} / {@code f_oob_ctx}) is set.
 */
public record FileRef(int id, boolean oob) {
    @Override
    public String toString() {
        return "#" + id + (oob ? " oob" : " plain");
    }
}
