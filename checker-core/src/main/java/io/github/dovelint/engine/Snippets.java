package io.github.dovelint.engine;

import io.github.dovelint.facts.LenientText;
import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.model.Location;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The source line at a location, trimmed, for fingerprints and report excerpts. */
final class Snippets {

    private final Relativizer relativizer;
    private final SourceOverlay overlay;
    private final Map<String, String[]> lines = new HashMap<>();

    Snippets(Relativizer relativizer, SourceOverlay overlay) {
        this.relativizer = relativizer;
        this.overlay = overlay;
    }

    String line(Location location) {
        String[] l = lines.computeIfAbsent(location.file(),
                f -> readLenient(relativizer.resolve(f), Long.MAX_VALUE, overlay).split("\r\n|\r|\n", -1));
        int i = location.line() - 1;
        return i >= 0 && i < l.length ? l[i].strip() : "";
    }

    /**
     * Reads a file as UTF-8 (the overlay's text where it covers it), replacing what does not
     * decode; "" when unreadable or larger than {@code maxBytes}.
     */
    static String readLenient(Path p, long maxBytes, SourceOverlay overlay) {
        return LenientText.read(p, maxBytes, overlay);
    }
}
