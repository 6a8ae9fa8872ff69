package io.github.dovelint.kerneldb;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which kernel database a run reads (docs/kernel-db.md#choosing): one that ships with dovelint,
 * by name ({@code linux-6.12}), a file of the user's own, or none. A run that says nothing reads
 * {@link #DEFAULT}.
 *
 * @param shipped the name of a shipped database, or null
 * @param file    the database file, or null
 */
public record KernelDbChoice(String shipped, Path file) {

    /** The databases that ship with dovelint, derived from the kernels Debian packages (oldest first). */
    public static final List<String> SHIPPED = List.of("linux-6.1", "linux-6.12");

    /** What {@code kernel-db: none} selects: no database, only kernel.yml. */
    public static final KernelDbChoice NONE = new KernelDbChoice(null, null);

    /**
     * The choice of a run that says nothing: the newest shipped kernel. Its sleeping APIs are
     * those of the newest Dovetail base; an API whose behaviour changed between the two kernels is
     * rare, and a project on the older base says {@code kernel-db: linux-6.1}.
     */
    public static final KernelDbChoice DEFAULT = shipped("linux-6.12");

    public static KernelDbChoice shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw new IllegalArgumentException("no shipped kernel database " + name);
        }
        return new KernelDbChoice(name, null);
    }

    public static KernelDbChoice file(Path file) {
        return new KernelDbChoice(null, Objects.requireNonNull(file, "file"));
    }

    /**
     * A setting as written ({@code --kernel-db}, {@code kernel-db:}, a Maven parameter): a shipped
     * name, {@code none}, or a file, resolved against {@code base}.
     */
    public static KernelDbChoice parse(String value, Path base) {
        String v = value.trim();
        if (v.equals("none")) {
            return NONE;
        }
        if (SHIPPED.contains(v)) {
            return shipped(v);
        }
        Path p = Path.of(v);
        return file(base == null ? p : base.resolve(p).normalize());
    }

    public boolean isNone() {
        return shipped == null && file == null;
    }

    @Override
    public String toString() {
        return shipped != null ? shipped : file != null ? file.toString() : "none";
    }
}
