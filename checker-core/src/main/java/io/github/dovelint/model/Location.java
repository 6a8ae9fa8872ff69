package io.github.dovelint.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a source file: the path is relative to the checked root and uses
 * {@code /} separators; line and column are 1-based (column 0 means unknown).
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:col}, the form editors and CI logs link; just the file when the line is unknown. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file; // the whole file (a missing path, an unreadable file)
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
