package io.github.dovelint.spec;

/** The three Dovetail fd hooks a companion core overrides. */
public enum Hook {
    INSTALL("install_inband_fd"),
    REPLACE("replace_inband_fd"),
    UNINSTALL("uninstall_inband_fd");

    private final String function;

    Hook(String function) {
        this.function = function;
    }

    /** The C function name of the hook. */
    public String function() {
        return function;
    }

    /** The short name used in scenarios, traces and tables: install, replace, uninstall. */
    public String shortName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The hook for a short name or C function name, or null. */
    public static Hook parse(String name) {
        for (Hook h : values()) {
            if (h.shortName().equals(name) || h.function.equals(name)) {
                return h;
            }
        }
        return null;
    }
}
