package io.github.dovelint.kerneldb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The kernel database's encoding (docs/kernel-db.md#format), shared by its writer and reader:
 * gzip over UTF-8 lines separated by tabs,
 * <pre>
 * dovelint-kernel-db	1
 * facts	N
 * FUNCTION	ATTRIBUTE	VALUE	REASON      (N lines, sorted)
 * end	SHA-256 of every byte above, hex
 * </pre>
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

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
