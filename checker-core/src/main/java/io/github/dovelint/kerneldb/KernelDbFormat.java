package io.github.dovelint.kerneldb;

import io.github.dovelint.cache.FileHashes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The kernel database's encoding (docs/kernel-db.md#format), shared by its writer and reader:
 * gzip over UTF-8 lines separated by tabs,
 * <pre>
 * dovelint-kernel-db	2
 * facts	N
 * FUNCTION	ATTRIBUTE	VALUE	REASON      (N lines, sorted)
 * end
 * </pre>
 * Integrity is gzip's: its trailer's CRC-32 and length cover every byte of the text, so a file
 * that is corrupt or cut short fails to decompress. The identity of a database is the SHA-256 of
 * the file's bytes, taken by whoever needs it. Version 1 also ended in a SHA-256 of the text,
 * which a reader had to compute before its first lookup: most of a short run's cost.
 */
final class KernelDbFormat {

    static final String MAGIC = "dovelint-kernel-db";
    static final String FACTS = "facts";
    static final String END = "end";

    private KernelDbFormat() {
    }

    static String line(DerivedFact f) {
        return f.function() + "\t" + f.attribute() + "\t" + f.value() + "\t" + f.reason() + "\n";
    }

    /** A database's identity: the SHA-256 of its file, hex. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(FileHashes.sha256(bytes));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
