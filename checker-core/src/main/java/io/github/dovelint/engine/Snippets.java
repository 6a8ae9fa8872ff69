package io.github.dovelint.engine;

import io.github.dovelint.facts.LenientText;
import io.github.dovelint.model.Location;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The source line at a location, trimmed, for fingerprints and report excerpts. */
final class Snippets {

    private final Relativizer relativizer;
    private final Map<String, String[]> lines = new HashMap<>();

    Snippets(Relativizer relativizer) {
        this.relativizer = relativizer;
    }

    String line(Location location) {
        String[] l = lines.computeIfAbsent(location.file(),
                f -> readLenient(relativizer.resolve(f)).split("\r\n|\r|\n", -1));
        int i = location.line() - 1;
        return i >= 0 && i < l.length ? l[i].strip() : "";
    }

    /** Reads a file as UTF-8, replacing what does not decode; "" when unreadable. */
    static String readLenient(Path p) {
        return readLenient(p, Long.MAX_VALUE);
    }

    /** As {@link #readLenient(Path)}, "" for a file larger than {@code maxBytes}. */
    static String readLenient(Path p, long maxBytes) {
        return LenientText.read(p, maxBytes);
    }
}
