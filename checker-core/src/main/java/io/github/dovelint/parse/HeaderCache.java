package io.github.dovelint.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Header texts read once per path for the lifetime of one {@link CParser}:
 * the same kernel headers are included by almost every file, and re-reading
 * them dominated parse time. Thread-safe; an unreadable or non-UTF-8 header
 * is remembered as absent (it then shows up as an unresolved inclusion).
 */
final class HeaderCache {

    private final ConcurrentMap<String, Optional<char[]>> texts = new ConcurrentHashMap<>();

    /** The decoded text of the header at {@code path}, or null if it cannot be read. */
    char[] get(String path) {
        String preludeText = Prelude.textOf(path);
        if (preludeText != null) {
            return preludeText.toCharArray();
        }
        return texts.computeIfAbsent(path, HeaderCache::read).orElse(null);
    }

    /** Whether a readable regular file exists at {@code path}. */
    boolean exists(String path) {
        if (Prelude.textOf(path) != null) {
            return true;
        }
        Optional<char[]> known = texts.get(path);
        if (known != null) {
            return known.isPresent();
        }
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<char[]> read(String path) {
        try {
            Path file = Path.of(path);
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_HEADER_BYTES) {
                return Optional.empty();
            }
            SourceText.Result result = SourceText.read(file);
            return result.ok() ? Optional.of(result.text().toCharArray()) : Optional.empty();
        } catch (RuntimeException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Headers larger than this are treated as unreadable (an unresolved
     * inclusion), so that one include cannot take unbounded memory: kernel
     * headers stay far below it, generated register maps included.
     */
    static final long MAX_HEADER_BYTES = 64L << 20;
}
