package io.github.dovelint.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Texts that stand for files during one run: an editor's unsaved buffers (the language
 * server's, README "Use in your editor"). Wherever a run reads a source or a header, it reads
 * the overlay's text for a path the overlay covers, and the file on disk otherwise; what a run
 * keeps in its cache folder stays true of the files on disk (docs/robustness.md#unsaved-buffers).
 *
 * <p>Immutable; paths are made absolute and normalised, texts are kept as UTF-8 bytes, as a
 * file holding them would be.
 */
public final class SourceOverlay {

    /** No overlay: every file is read from disk. */
    public static final SourceOverlay NONE = new SourceOverlay(Map.of());

    private final Map<Path, byte[]> bytes;

    private SourceOverlay(Map<Path, byte[]> bytes) {
        this.bytes = bytes;
    }

    /** An overlay of these texts, by file (relative paths are taken from the working directory). */
    public static SourceOverlay of(Map<Path, String> texts) {
        if (texts.isEmpty()) {
            return NONE;
        }
        Map<Path, byte[]> out = new TreeMap<>();
        texts.forEach((file, text) -> out.put(key(file), text.getBytes(StandardCharsets.UTF_8)));
        return new SourceOverlay(java.util.Collections.unmodifiableMap(out));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    public boolean isEmpty() {
        return bytes.isEmpty();
    }

    /** The files overlaid, absolute and normalised, in path order. */
    public Set<Path> files() {
        return bytes.keySet();
    }

    /** Whether {@code file} is read from the overlay. */
    public boolean covers(Path file) {
        return !bytes.isEmpty() && bytes.containsKey(key(file));
    }

    /** The overlay's text of {@code file}, if it covers it. */
    public Optional<String> text(Path file) {
        return overlaid(file).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The bytes of {@code file}: the overlay's text as UTF-8 where it covers it, else the file's on disk. */
    public byte[] read(Path file) throws IOException {
        Optional<byte[]> own = overlaid(file);
        return own.isPresent() ? own.get() : Files.readAllBytes(file);
    }

    /** How many bytes {@link #read} gives, without reading the file. */
    public long size(Path file) throws IOException {
        Optional<byte[]> own = overlaid(file);
        return own.isPresent() ? own.get().length : Files.size(file);
    }

    private Optional<byte[]> overlaid(Path file) {
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        byte[] own = bytes.get(key(file));
        return own == null ? Optional.empty() : Optional.of(own.clone());
    }
}
