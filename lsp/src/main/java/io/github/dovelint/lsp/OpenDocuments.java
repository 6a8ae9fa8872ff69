package io.github.dovelint.lsp;

import io.github.dovelint.files.SourceOverlay;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents open in the editor: the latest text and version of each (full sync), and
 * whether it differs from the file on disk (dirty: changed since it was opened or saved). The
 * dirty ones are what an analysis reads instead of the files (a {@link SourceOverlay}).
 * Thread-safe: the protocol thread updates, the analysis thread takes snapshots.
 */
final class OpenDocuments {

    /** One open document as the editor last sent it. */
    private record Document(Path file, int version, String text, boolean dirty) {
    }

    /** What one analysis reads: the dirty buffers, and the version of each open document by file. */
    record Snapshot(SourceOverlay overlay, Map<Path, Integer> versions) {

        /** The version of the open document of this URI as analysed, or null when it is not open. */
        Integer version(String uri) {
            return file(uri).map(versions::get).orElse(null);
        }
    }

    private final Map<String, Document> open = new ConcurrentHashMap<>();

    /** A file URI as a path, or empty for other schemes ({@code untitled:}) and odd URIs. */
    static Optional<Path> file(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Optional.of(Path.of(u).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Opened with this text: dirty when it is not what the file holds (a buffer restored
     * unsaved); true when it is.
     */
    boolean opened(String uri, int version, String text) {
        Optional<Path> file = file(uri);
        if (file.isEmpty()) {
            return false;
        }
        Document d = new Document(file.get(), version, text, !text.equals(onDisk(file.get())));
        open.put(uri, d);
        return d.dirty();
    }

    /**
     * Changed to this text (full sync); false when the document is not known as open or the
     * change is older than what it holds. A change without a version keeps the last one.
     */
    boolean changed(String uri, Integer version, String text) {
        Document[] done = new Document[1];
        open.computeIfPresent(uri, (u, d) -> {
            if (version != null && version < d.version()) {
                return d; // a late message: the newer text stands
            }
            done[0] = new Document(d.file(), version == null ? d.version() : version, text, true);
            return done[0];
        });
        return done[0] != null;
    }

    /** Saved: the file holds the buffer now (the text sent with the save, if any). */
    void saved(String uri, String text) {
        open.computeIfPresent(uri, (u, d) -> new Document(d.file(), d.version(), text != null ? text : d.text(), false));
    }

    /** Closed; true when it was dirty, so that the file on disk is what counts again. */
    boolean closed(String uri) {
        Document d = open.remove(uri);
        return d != null && d.dirty();
    }

    /** The text of an open document, if the editor holds it. */
    Optional<String> text(String uri) {
        return Optional.ofNullable(open.get(uri)).map(Document::text);
    }

    /** The dirty buffers now, for one analysis. */
    Snapshot snapshot() {
        Map<Path, String> texts = new TreeMap<>();
        Map<Path, Integer> versions = new TreeMap<>();
        open.forEach((uri, d) -> {
            versions.put(d.file(), d.version());
            if (d.dirty()) {
                texts.put(d.file(), d.text());
            }
        });
        return new Snapshot(SourceOverlay.of(texts), Map.copyOf(versions));
    }

    private static String onDisk(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // a new file: its buffer is all there is
        }
    }
}
