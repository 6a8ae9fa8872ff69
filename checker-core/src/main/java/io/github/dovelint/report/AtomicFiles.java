package io.github.dovelint.report;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that readers (a CI step, an IDE watching the file, a
 * baseline being updated) see either the old file or the complete new one,
 * never a half-written one, and so that a writer failing halfway leaves the
 * previous file untouched.
 *
 * <p>The content goes to a hidden temporary file in the target's directory
 * (same file system, so the final move can be atomic), is forced to disk, and
 * then replaces the target with {@code ATOMIC_MOVE} (plain
 * {@code REPLACE_EXISTING} where the file system cannot move atomically). The
 * temporary file is created with the default permissions, unlike
 * {@link Files#createTempFile}, whose owner-only permissions would end up on
 * the report.
 */
public final class AtomicFiles {

    private static final int ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} in UTF-8 with what {@code content} writes, creating
     * parent directories. The writer given to {@code content} need not be
     * closed (closing it is harmless); characters that are not valid UTF-16
     * (lone surrogates) fail the write rather than being replaced.
     *
     * @throws IOException from the file system or from {@code content}, or when
     *                     {@code target} is a directory; the target is then as
     *                     it was and no temporary file remains
     */
    public static void write(Path target, IOConsumer<Writer> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            // REPLACE_EXISTING would silently replace an empty directory
            throw new IOException(target + " is a directory");
        }
        Path directory = absolute.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Path temporary = createTemporary(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 Writer writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                         StandardCharsets.UTF_8.newEncoder()
                                 .onMalformedInput(CodingErrorAction.REPORT)
                                 .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
                content.accept(new UnclosableWriter(writer));
                writer.flush();
                channel.force(true);
            }
            move(temporary, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static Path createTemporary(Path target) throws IOException {
        Path directory = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp";
            Path candidate = directory == null ? Path.of(prefix + suffix) : directory.resolve(prefix + suffix);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Lets the content close "its" writer without closing ours before the flush and force. */
    private static final class UnclosableWriter extends FilterWriter {
        UnclosableWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
