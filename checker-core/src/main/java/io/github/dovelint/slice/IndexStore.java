package io.github.dovelint.slice;

import io.github.dovelint.cache.Checksummed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A {@link LexicalIndex} kept between runs, so that a run where one file changed
 * scans that file and takes every other one from here. The file is a short
 * header (magic, format, the key it was written under), the index's
 * {@link FlatIndex} layout, and a CRC32C of everything before it. Written
 * atomically; anything unreadable, foreign or inconsistent is no store (the run
 * scans everything, as the first one did).
 *
 * <p>The store is read into memory, not mapped: another program truncating a mapped file
 * (a cache cleaner, a second run's rename racing a deletion, a full disk) makes the next
 * access to a lost page a SIGBUS, which kills the JVM rather than throwing. Its checksum
 * reads every byte anyway, so reading costs one copy (docs/robustness.md#the-lexical-index-store);
 * a file that changes size while it is read fails its checksum or its length check and is
 * a miss.
 */
public final class IndexStore {

    private static final int MAGIC = 0x444C4C53; // "DLLS"
    private static final int FORMAT = 2;

    private IndexStore() {
    }

    /** A store as read. */
    public static final class Stored {
        private final FlatIndex flat;

        private Stored(FlatIndex flat) {
            this.flat = flat;
        }

        FlatIndex flat() {
            return flat;
        }

        /** How many symbols it numbers. */
        public int symbols() {
            return flat.symbols();
        }

        /** The digest of a source's index as stored, or null when the store lacks it. */
        public byte[] digest(String path) {
            for (int j = 0; j < flat.sources(); j++) {
                if (flat.path(j).equals(path)) {
                    return flat.digest(j);
                }
            }
            return null;
        }
    }

    /**
     * Writes an index laid out anew ({@link LexicalIndex#rebuilt()}) under {@code key}; a failure
     * only costs time (no store: the next run scans everything), and is thrown for the caller
     * to tell the cache is off.
     */
    public static void write(Path file, String key, LexicalIndex index) throws IOException {
        Checksummed.write(file, header(key), index.layout().layout());
    }

    /** Magic, format, the key's length and bytes, padded so that the layout starts on a multiple of four. */
    private static ByteBuffer header(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate((12 + k.length + 3) & ~3);
        b.putInt(MAGIC).putInt(FORMAT).putInt(k.length).put(k);
        return b.clear();
    }

    /** Marks a store as used now: stores of other keys unused for a week are deleted (FactCache.retireOthers). */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache: it is only deleted later than it could be
        }
    }

    /** The store at {@code file} if it was written under {@code key} and is intact. */
    public static Optional<Stored> read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = header(key);
            if (size < header.capacity() + 4 || size > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            ByteBuffer all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && ch.read(all) >= 0) {
                // read it all: a file truncated meanwhile ends early
            }
            if (all.hasRemaining() || ch.size() != size) {
                return Optional.empty(); // changed size while read: another writer, a miss
            }
            all.clear();
            if (!all.slice(0, header.capacity()).equals(header)) {
                return Optional.empty(); // another format or key
            }
            ByteBuffer body = Checksummed.verified(all);
            if (body == null) {
                return Optional.empty();
            }
            Stored stored = new Stored(FlatIndex.open(body.slice(header.capacity(),
                    body.capacity() - header.capacity())));
            touch(file);
            return Optional.of(stored);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return Optional.empty(); // corrupt, stale or too large for this heap: scan everything
        }
    }
}
