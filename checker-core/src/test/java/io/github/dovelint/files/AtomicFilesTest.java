package io.github.dovelint.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesUtf8AndCreatesParentDirectories() throws IOException {
        Path target = dir.resolve("out/nested/report.txt");
        AtomicFiles.write(target, out -> out.write("héllo\n"));
        assertEquals("héllo\n", Files.readString(target, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of("report.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old content that is longer than the new one");
        AtomicFiles.write(target, out -> out.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("report.json"), names());
    }

    @Test
    void failingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("report.sarif");
        Files.writeString(target, "old");
        IOException failure = new IOException("disk on fire");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial");
            out.flush();
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("report.sarif"), names());
    }

    @Test
    void runtimeFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("report.txt");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial");
            throw new UncheckedIOException(new IOException("boom"));
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void writerClosedByTheContentIsFine() throws IOException {
        Path target = dir.resolve("report.txt");
        AtomicFiles.write(target, out -> {
            out.write("done");
            out.close();
        });
        assertEquals("done", Files.readString(target));
    }

    @Test
    void refusesToReplaceADirectory() throws IOException {
        Path target = Files.createDirectory(dir.resolve("report.txt"));
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write("x")));
        assertEquals(true, Files.isDirectory(target));
        assertEquals(List.of("report.txt"), names());
    }

    @Test
    void writesBytesThroughTheChannelAndCleansUpOnFailure() throws IOException {
        Path target = dir.resolve("cache/entry.bin");
        AtomicFiles.writeChannel(target, ch -> ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3})),
                AtomicFiles.Durability.UNSYNCED);
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), boxed(Files.readAllBytes(target)));
        assertThrows(IOException.class, () -> AtomicFiles.writeChannel(target, ch -> {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {9}));
            throw new IOException("full");
        }, AtomicFiles.Durability.SYNCED));
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), boxed(Files.readAllBytes(target)));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of("entry.bin"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }
}
