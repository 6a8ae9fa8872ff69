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
