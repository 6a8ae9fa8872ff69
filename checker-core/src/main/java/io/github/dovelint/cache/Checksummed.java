package io.github.dovelint.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The files the cache writes end with a CRC32C of everything before it. A file
 * whose checksum does not match (truncated, corrupt, half written) is no file.
 */
public final class Checksummed {

    private Checksummed() {
    }

    /**
     * Writes {@code body} and its checksum to {@code target} atomically: a reader sees the
     * old file or the new one, never a part (a temporary file beside it, then a rename).
     */
    public static void write(Path target, byte[] body) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(target.getFileName() + ".tmp"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
        CRC32C crc = new CRC32C();
        crc.update(body);
        try {
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                out.write(body);
                out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of {@code file} before its checksum, or null if it is missing, too short or corrupt. */
    public static ByteBuffer body(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length < 8) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
            return null;
        }
        return ByteBuffer.wrap(all, 0, all.length - 4);
    }
}
