package io.github.dovelint.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.files.SourceOverlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileHashes}: a file whose stat did not change is not read again; any edit is seen,
 * even one that keeps the size and sets the mtime back; a file changed just before it was
 * hashed is not trusted; a damaged store is no store.
 */
class FileHashesTest {

    @TempDir
    Path tmp;

    /** A clock a minute ahead: every file here changed long enough ago to be remembered. */
    private static final java.util.function.LongSupplier LATER = () -> System.currentTimeMillis() + 60_000;

    private static byte[] sha(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes());
    }

    private FileHashes run(java.util.function.LongSupplier clock) {
        return FileHashes.at(tmp.resolve("cache/hashes.bin"), clock);
    }

    /** How many files a new run reads to hash {@code f}. */
    private int readsToHash(Path f) {
        FileHashes next = run(LATER);
        next.hash(f);
        return next.reads();
    }

    /** {@code a.c} written, then hashed by a run on {@code clock} that saves what it learnt. */
    private Path hashedOnce(java.util.function.LongSupplier clock) throws Exception {
        Path f = Files.writeString(tmp.resolve("a.c"), "int a;\n");
        FileHashes first = run(clock);
        first.hash(f);
        first.save();
        return f;
    }

    @Test
    void anOverlaidFileHashesAsTheOverlaysTextAndIsNeverStored() throws Exception {
        Path f = hashedOnce(LATER);
        FileHashes edited = FileHashes.at(tmp.resolve("cache/hashes.bin"), LATER,
                SourceOverlay.of(java.util.Map.of(f, "int b; /* dovelint-ignore DL101: why */\n")));
        assertArrayEquals(sha("int b; /* dovelint-ignore DL101: why */\n"), edited.hash(f).orElseThrow());
        assertArrayEquals("int b; /* dovelint-ignore DL101: why */\n".getBytes(), edited.content(f).orElseThrow().bytes());
        assertTrue(edited.marked(f), "the overlay's text holds the marker");
        assertEquals(0, edited.reads(), "the disk file is not read");
        edited.save();
        FileHashes disk = run(LATER);
        assertArrayEquals(sha("int a;\n"), disk.hash(f).orElseThrow(), "the disk file's hash, as stored before");
        assertEquals(0, disk.reads(), "its stat still holds: the overlaid run left its entry alone");
        assertFalse(disk.marked(f));
    }

    @Test
    void aFileFirstSeenOverlaidIsReadFromDiskByTheNextRun() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.c"), "int a;\n");
        FileHashes edited = FileHashes.at(tmp.resolve("cache/hashes.bin"), LATER,
                SourceOverlay.of(java.util.Map.of(f, "int b;\n")));
        assertArrayEquals(sha("int b;\n"), edited.hash(f).orElseThrow());
        edited.save();
        FileHashes disk = run(LATER);
        assertArrayEquals(sha("int a;\n"), disk.hash(f).orElseThrow());
        assertEquals(1, disk.reads(), "nothing was stored for it");
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.c"), "int a;\n");
        FileHashes first = run(LATER);
        assertArrayEquals(sha("int a;\n"), first.hash(f).orElseThrow());
        assertArrayEquals(sha("int a;\n"), first.hash(f).orElseThrow(), "asked twice");
        assertEquals(1, first.reads(), "once per run");
        first.save();
        FileHashes second = run(LATER);
        assertArrayEquals(sha("int a;\n"), second.hash(f).orElseThrow());
        assertEquals(0, second.reads(), "the stat matched");
    }

    @Test
    void aFileReadForItsBytesIsNotReadAgainToBeHashedThisRunOrTheNext() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.c"), "int a;\n");
        FileHashes first = run(LATER);
        assertArrayEquals("int a;\n".getBytes(), first.content(f).orElseThrow().bytes());
        assertArrayEquals(sha("int a;\n"), first.hash(f).orElseThrow());
        assertEquals(1, first.reads());
        first.save();
        assertEquals(0, readsToHash(f));
    }

    @Test
    void whetherAFileHoldsASuppressionIsKnownWithoutReadingItWhileItsStatHolds() throws Exception {
        Path plain = Files.writeString(tmp.resolve("a.h"), "int a;\n");
        Path marked = Files.writeString(tmp.resolve("b.h"), "int b; /* dovelint-ignore DL101: why */\n");
        FileHashes first = run(LATER);
        assertFalse(first.marked(plain));
        assertTrue(first.marked(marked));
        first.save();
        FileHashes second = run(LATER);
        assertFalse(second.marked(plain));
        assertTrue(second.marked(marked));
        assertEquals(0, second.reads());
        assertTrue(FileHashes.inMemory().marked(marked), "no cache: read, not hashed");
    }

    @Test
    void aRunKeepsWhatItLearntOfEveryFileItLookedAtHeadersIncluded() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Path source = Files.writeString(tree.resolve("a.c"), "#include \"b.h\"\nvoid f(void) { g(); }\n");
        Path header = Files.writeString(tree.resolve("b.h"), "void g(void);\n");
        Path unused = Files.writeString(tree.resolve("c.h"), "/* dovelint-ignore DL101 */\n");
        Thread.sleep(FileHashes.RACY_MILLIS + 200); // changed long enough ago to be remembered
        io.github.dovelint.Analyzer.builder().root(tree).path(tree).cacheDir(tmp.resolve("cache"))
                .knowledge(io.github.dovelint.kb.KnowledgeBaseLoader.load("test.yml", io.github.dovelint.engine.TestRun.KB))
                .rules(List.of(new io.github.dovelint.engine.TestRun.SleepRule())).build().run();
        FileHashes next = FileHashes.at(tmp.resolve("cache").resolve(FileHashes.FILE_NAME));
        next.hash(source);
        next.hash(header);
        assertTrue(next.marked(unused), "a header no source includes, looked at for its suppressions");
        assertFalse(next.marked(header));
        assertEquals(0, next.reads(), "each was remembered by the run");
    }

    @Test
    void anEditOfTheSameSizeWithTheMtimeSetBackIsSeen() throws Exception {
        Path f = hashedOnce(LATER);
        FileTime mtime = Files.getLastModifiedTime(f);
        Thread.sleep(20); // a ctime that differs even on a coarse clock source
        Files.writeString(f, "int b;\n");
        Files.setLastModifiedTime(f, mtime);
        FileHashes second = run(LATER);
        assertArrayEquals(sha("int b;\n"), second.hash(f).orElseThrow(), "the ctime changed");
        assertEquals(1, second.reads());
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsReadAgainNextTime() throws Exception {
        Path f = hashedOnce(System::currentTimeMillis);
        assertEquals(1, readsToHash(f), "changed under two seconds before it was read: not trusted");
    }

    @Test
    void aDamagedOrMissingStoreMeansEveryFileIsRead() throws Exception {
        Path f = hashedOnce(LATER);
        Path store = tmp.resolve("cache/hashes.bin");
        byte[] good = Files.readAllBytes(store);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(store, bad);
        assertArrayEquals(sha("int a;\n"), run(LATER).hash(f).orElseThrow());
        assertEquals(1, readsToHash(f), "checksum");
        Files.delete(store);
        assertEquals(1, readsToHash(f), "missing");
    }

    @Test
    void anUnreadableOrVanishedFileHasNoHash() throws Exception {
        Path f = hashedOnce(LATER);
        Files.delete(f);
        FileHashes second = run(LATER);
        assertTrue(second.hash(f).isEmpty());
        second.save();
        assertFalse(run(LATER).hash(f).isPresent());
    }
}
