package io.github.dovelint.parse;

import io.github.dovelint.files.SourceOverlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;

/**
 * Header texts read once per path for the lifetime of one {@link CParser}:
 * the same kernel headers are included by almost every file, and re-reading
 * them dominated parse time. Thread-safe; an unreadable or non-UTF-8 header
 * is remembered as absent (it then shows up as an unresolved inclusion).
 *
 * <p>Texts are kept as CDT {@link CharArray}s, shared by every parse that
 * includes them (CDT only reads them): CDT hashes the whole content of each
 * file it includes, and a {@code CharArray} computes that hash only once.
 *
 * <p>The cache holds about {@link #MAX_CACHED_CHARS} characters: when full it
 * starts afresh. Files are parsed in path order, so the units that share a
 * local header are parsed together, and a whole kernel tree (hundreds of MB of
 * headers) does not keep every header it ever saw. A header read again is the
 * same text, so results do not depend on what was evicted.
 */
final class HeaderCache {

    private static final CharArray ANNOTATIONS = new CharArray(Prelude.ANNOTATIONS);
    private static final CharArray TYPES = new CharArray(Prelude.TYPES);

    private final ConcurrentMap<String, Optional<CharArray>> texts = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong cachedChars = new java.util.concurrent.atomic.AtomicLong();

    private final long maxChars;
    private final SourceOverlay overlay;

    /** The most header text kept by default (in chars, 2 bytes each). */
    static final long MAX_CACHED_CHARS = 32L << 20;

    HeaderCache() {
        this(MAX_CACHED_CHARS, SourceOverlay.NONE);
    }

    /** A cache of the headers as {@code overlay} shows them: its texts for the files it covers. */
    HeaderCache(SourceOverlay overlay) {
        this(MAX_CACHED_CHARS, overlay);
    }

    /** A cache that keeps at most {@code maxChars} characters of header text. */
    HeaderCache(long maxChars) {
        this(maxChars, SourceOverlay.NONE);
    }

    private HeaderCache(long maxChars, SourceOverlay overlay) {
        this.maxChars = maxChars;
        this.overlay = overlay;
    }

    /** How many characters of header text are held now. */
    long cachedChars() {
        return cachedChars.get();
    }

    /** The decoded text of the header (or prelude file) at {@code path}, or null if it cannot be read. */
    CharArray content(String path) {
        if (Prelude.ANNOTATIONS_PATH.equals(path)) {
            return ANNOTATIONS;
        }
        if (Prelude.TYPES_PATH.equals(path)) {
            return TYPES;
        }
        Optional<CharArray> known = texts.get(path);
        if (known == null) {
            known = read(path);
            long total = cachedChars.addAndGet(known.map(CharArray::getLength).orElse(0));
            if (total > maxChars) {
                texts.clear();
                cachedChars.set(known.map(CharArray::getLength).orElse(0));
            }
            Optional<CharArray> raced = texts.putIfAbsent(path, known);
            known = raced != null ? raced : known;
        }
        return known.orElse(null);
    }

    /** The decoded text of the header at {@code path}, or null if it cannot be read; not to be modified. */
    char[] get(String path) {
        CharArray content = content(path);
        return content == null ? null : content.getArray();
    }

    /** Whether a readable regular file exists at {@code path}. */
    boolean exists(String path) {
        if (Prelude.textOf(path) != null) {
            return true;
        }
        Optional<CharArray> known = texts.get(path);
        if (known != null) {
            return known.isPresent();
        }
        try {
            return overlay.covers(Path.of(path)) || Files.isRegularFile(Path.of(path));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<CharArray> read(String path) {
        try {
            Path file = Path.of(path);
            if (!overlay.covers(file) && !Files.isRegularFile(file) || overlay.size(file) > MAX_HEADER_BYTES) {
                return Optional.empty();
            }
            SourceText.Result result = SourceText.read(file, overlay);
            return result.ok() ? Optional.of(new CharArray(result.text())) : Optional.empty();
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
