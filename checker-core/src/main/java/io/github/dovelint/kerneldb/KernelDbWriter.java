package io.github.dovelint.kerneldb;

import io.github.dovelint.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a kernel database (format in {@link KernelDbFormat}): the same facts always give the
 * same bytes (sorted, no time stamp, no absolute path; Java's gzip header carries no time).
 */
public final class KernelDbWriter {

    private KernelDbWriter() {
    }

    /** The encoded database and its identity, the SHA-256 of {@code bytes}. */
    public record Encoded(byte[] bytes, String checksum) {
    }

    public static Encoded encode(List<DerivedFact> facts) {
        List<DerivedFact> sorted = new ArrayList<>(facts);
        Collections.sort(sorted);
        StringBuilder body = new StringBuilder();
        body.append(KernelDbFormat.MAGIC).append('\t').append(KernelDb.FORMAT_VERSION).append('\n');
        body.append(KernelDbFormat.FACTS).append('\t').append(sorted.size()).append('\n');
        for (DerivedFact f : sorted) {
            body.append(KernelDbFormat.line(f));
        }
        body.append(KernelDbFormat.END).append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(KernelDbFormat.utf8(body.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression failed", e);
        }
        byte[] out = bytes.toByteArray();
        return new Encoded(out, KernelDbFormat.sha256(out));
    }

    /** Writes the database to {@code file} atomically; returns its identity. */
    public static String write(List<DerivedFact> facts, Path file) throws IOException {
        Encoded encoded = encode(facts);
        AtomicFiles.writeChannel(file, channel -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(encoded.bytes());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }, AtomicFiles.Durability.SYNCED);
        return encoded.checksum();
    }
}
