package io.github.dovelint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.dovelint.cache.Checksummed;
import io.github.dovelint.cache.FactCache;
import io.github.dovelint.cache.FileHashes;
import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.kerneldb.KernelDbReader;
import io.github.dovelint.slice.IndexStore;
import io.github.dovelint.slice.LexicalIndex;
import io.github.dovelint.slice.Slicer;
import io.github.dovelint.yaml.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzz targets for the binary readers of the cache and the kernel database: a facts entry
 * ({@link FactCache}, through {@code FactsCodec}), a run record ({@link RunRecord}), the file
 * hashes ({@link FileHashes}), the stored lexical index ({@link IndexStore}, its flat layout
 * then used to index and slice a small tree) and a kernel database ({@link KernelDbReader}).
 * Any input is read or refused: a cache file as a miss, the database with its
 * {@link ConfigException}; an exception that escapes, a stack overflow or a hang is a finding.
 *
 * <p>The fuzzed bytes are a cache file's body: the target adds the CRC32C trailer
 * ({@link Checksummed#write}), as a damaged file with a matching checksum is what gets past
 * it to the decoder. For the kernel database they are its text: the target adds the
 * checksum line and compresses it ({@code docs/kernel-db.md#format}); an input starting with
 * a NUL byte is given to the reader as it is (raw gzip data). The seeds under
 * {@code src/test/resources/io/github/dovelint/fuzz/CacheReadersFuzzTestInputs/<method>/} are
 * real files of each kind (docs/robustness.md#fuzzing).
 */
class CacheReadersFuzzTest {

    /** The key every cache file here is written under, the one the seeds carry. */
    static final String KEY = "k";
    /** The tree the lexical index target indexes, by paths relative to the module (as the seeds store them). */
    static final Path TREE = Path.of("src/test/resources/io/github/dovelint/fuzz/cache-tree");
    static final List<Path> TREE_SOURCES = List.of(TREE.resolve("caller.c"), TREE.resolve("seed.c"));
    static final Slicer.Spec SPEC = new Slicer.Spec(List.of(), List.of("files_fdtable"), List.of(), List.of(),
            1, 2, List.of("rcu_read_lock"), false);

    /**
     * All five at once, the first byte choosing the reader: what {@code ./mvnw verify} fuzzes for
     * a few seconds (one fuzzing JVM for the five, docs/robustness.md#fuzzing). Its seeds are the
     * others' with that byte in front.
     */
    @FuzzTest(maxDuration = "10s")
    void anyReader(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        byte[] rest = java.util.Arrays.copyOfRange(data, 1, data.length);
        switch (Math.floorMod(data[0], 5)) {
            case 0 -> factsEntry(rest);
            case 1 -> runRecord(rest);
            case 2 -> fileHashes(rest);
            case 3 -> lexicalIndex(rest);
            default -> kernelDb(rest);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void factsEntry(byte[] data) throws IOException {
        inTempDir(dir -> {
            Path source = Files.copy(TREE.resolve("seed.c"), dir.resolve("seed.c"));
            FactCache cache = new FactCache(dir.resolve("cache"), KEY, FileHashes.inMemory());
            FactCache.Lookup miss = cache.lookup(source, "seed.c");
            cache.store(miss.source(), List.of(), new FactCache.Entry(null, List.of(), 1, ""));
            Checksummed.write(onlyEntry(dir.resolve("cache")), data);
            cache.lookup(source, "seed.c");
        });
    }

    @FuzzTest(maxDuration = "5s")
    void runRecord(byte[] data) throws IOException {
        inTempDir(dir -> {
            Path file = dir.resolve("unit.run");
            Checksummed.write(file, data);
            RunRecord.read(file, KEY);
        });
    }

    @FuzzTest(maxDuration = "5s")
    void fileHashes(byte[] data) throws IOException {
        inTempDir(dir -> {
            Path file = dir.resolve(FileHashes.FILE_NAME);
            Checksummed.write(file, data);
            FileHashes hashes = FileHashes.at(file);
            Path source = TREE.resolve("seed.c");
            hashes.hash(source);
            hashes.marked(source);
            hashes.save();
        });
    }

    @FuzzTest(maxDuration = "5s")
    void lexicalIndex(byte[] data) throws IOException {
        inTempDir(dir -> {
            Path store = dir.resolve("index.idx");
            Checksummed.write(store, data);
            IndexStore.Stored stored = IndexStore.read(store, KEY).orElse(null);
            if (stored != null) {
                stored.symbols();
                stored.digest(TREE_SOURCES.get(0).toString());
                LexicalIndex index = LexicalIndex.build(TREE_SOURCES, List.of(), 1, true, stored, null);
                new Slicer(index).slice(List.of(SPEC), List.of());
            }
        });
    }

    @FuzzTest(maxDuration = "5s")
    void kernelDb(byte[] data) {
        byte[] file = data.length > 0 && data[0] == 0
                ? java.util.Arrays.copyOfRange(data, 1, data.length)
                : kernelDbFile(new String(data, StandardCharsets.UTF_8));
        try {
            KernelDbReader.decode(file, "k.kdb");
        } catch (ConfigException e) {
            if (e.location() == null || !"k.kdb".equals(e.location().file())) {
                throw new AssertionError("an error that does not name the database: " + e.getMessage(), e);
            }
        }
    }

    /** A database file of {@code body}: its lines, the end line, compressed. */
    static byte[] kernelDbFile(String body) {
        String text = body + "end\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What a target does in a folder of its own, deleted after. */
    private interface InFolder {
        void run(Path dir) throws IOException;
    }

    private static void inTempDir(InFolder body) throws IOException {
        Path dir = Files.createTempDirectory("dovelint-fuzz");
        try {
            body.run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** The one facts entry a cache folder holds. */
    private static Path onlyEntry(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.toString().endsWith(".facts")).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry stored in " + cache));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
