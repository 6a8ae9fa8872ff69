package io.github.dovelint.cache;

import io.github.dovelint.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The files the cache writes end with a CRC32C of everything before it, and
 * are written atomically ({@link AtomicFiles}). A file whose checksum does not match (truncated,
 * corrupt, half written) is no file.
 */
public final class Checksummed {

    private Checksummed() {
    }

    /**
     * Writes {@code parts}, end to end, and their checksum to {@code target} atomically: a
     * reader sees the old file or the new one, never a part. The buffers are read from their
     * positions, which are left as they were. Not forced to disk: a cache file lost in a
     * crash is only computed again.
     */
    public static void write(Path target, ByteBuffer... parts) throws IOException {
        CRC32C crc = new CRC32C();
        for (ByteBuffer p : parts) {
            crc.update(p.duplicate());
        }
        ByteBuffer trailer = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
        AtomicFiles.writeChannel(target, out -> {
            for (ByteBuffer p : parts) {
                write(out, p.duplicate());
            }
            write(out, trailer);
        }, AtomicFiles.Durability.UNSYNCED);
    }

    /** As {@link #write(Path, ByteBuffer...)}, of one array. */
    public static void write(Path target, byte[] body) throws IOException {
        write(target, ByteBuffer.wrap(body));
    }

    private static void write(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    /** The bytes of {@code file} before its checksum, or null if it is missing, too short or corrupt. */
    public static ByteBuffer body(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] all = Files.readAllBytes(file);
        return all.length < 8 ? null : verified(ByteBuffer.wrap(all));
    }

    /**
     * The part of a whole file's bytes (read or mapped, from index 0 to its capacity) before
     * its checksum, if the checksum matches; else null.
     */
    public static ByteBuffer verified(ByteBuffer all) {
        int end = all.capacity() - 4;
        if (end < 0) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(all.slice(0, end));
        return (int) crc.getValue() == all.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN).getInt(end)
                ? all.slice(0, end) : null;
    }
}
