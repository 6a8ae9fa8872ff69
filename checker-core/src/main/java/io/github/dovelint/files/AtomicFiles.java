package io.github.dovelint.files;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
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
 * Writes files so that readers (a CI step, an IDE watching the file, a
 * baseline being updated, another run reading the cache) see either the old
 * file or the complete new one, never a half-written one, and so that a
 * writer failing halfway leaves the previous file untouched. Reports,
 * baselines and cache files all go through here.
 *
 * <p>The content goes to a hidden temporary file in the target's directory
 * (same file system, so the final move can be atomic), is forced to disk when
 * asked ({@link Durability}), and then replaces the target with
 * {@code ATOMIC_MOVE} (plain {@code REPLACE_EXISTING} where the file system
 * cannot move atomically). The temporary file is created with the default
 * permissions, unlike {@link Files#createTempFile}, whose owner-only
 * permissions would end up on the target.
 */
public final class AtomicFiles {

    private static final int ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /** Whether the content is forced to disk before it replaces the target. */
    public enum Durability {
        /** Forced: what people keep (reports, baselines) survives a crash right after the write. */
        SYNCED,
        /** Left to the operating system: a cache file lost in a crash is only computed again. */
        UNSYNCED
    }

    /**
     * Writes {@code target} in UTF-8 with what {@code content} writes, creating
     * parent directories, and forces it to disk. The writer given to
     * {@code content} need not be closed (closing it is harmless); characters
     * that are not valid UTF-16 (lone surrogates) fail the write rather than
     * being replaced.
     *
     * @throws IOException from the file system or from {@code content}, or when
     *                     {@code target} is a directory; the target is then as
     *                     it was and no temporary file remains
     */
    public static void write(Path target, IOConsumer<Writer> content) throws IOException {
        writeChannel(target, channel -> {
            // closing the writer ends the encoding (a trailing lone surrogate fails here) but
            // leaves the channel open for the force
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(new UnclosableStream(channel),
                    StandardCharsets.UTF_8.newEncoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
                content.accept(new UnclosableWriter(writer));
            }
        }, Durability.SYNCED);
    }

    /**
     * Writes {@code target} with what {@code content} writes to the channel of the
     * temporary file, creating parent directories; the channel is closed here.
     *
     * @throws IOException as {@link #write(Path, IOConsumer)}, with the same guarantees
     */
    public static void writeChannel(Path target, IOConsumer<FileChannel> content, Durability durability)
            throws IOException {
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
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.accept(channel);
                if (durability == Durability.SYNCED) {
                    channel.force(true);
                }
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

    /** The channel's bytes as a stream whose close leaves the channel open. */
    private static final class UnclosableStream extends OutputStream {
        private final OutputStream out;

        UnclosableStream(FileChannel channel) {
            this.out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the channel is closed by writeChannel, after the force
        }
    }
}
