package io.github.dovelint.cache;

import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A cache of per-file facts on disk ({@code .dovelint-cache/} under the
 * checked root by default), so that a second run over an unchanged tree
 * parses nothing.
 *
 * <p>One entry per source file, named after a hash of its relative path. An
 * entry is used only when all of these hold, otherwise it is a miss and is
 * rewritten after the file is parsed again:
 * <ul>
 * <li>its magic number and {@link FactsCodec#FORMAT} match;</li>
 * <li>its configuration key matches: a SHA-256 of the tool version, the
 *     checked root, the parse options, the prelude texts, the oob field
 *     names and the per-file limits ({@link KeyBuilder});</li>
 * <li>the SHA-256 of the file's bytes matches, and so does the SHA-256 of
 *     every header the unit included when it was parsed (quoted includes
 *     resolved next to the file, include directories);</li>
 * <li>its CRC32C trailer matches and it decodes without error.</li>
 * </ul>
 * Entries are written to a temporary file and renamed into place, so a
 * crashed or concurrent run leaves either the old entry or the new one. The
 * cache never throws: an unusable directory just means no caching.
 *
 * <p>Thread-safe; header hashes are computed once per run.
 */
public final class FactCache {

    private static final int MAGIC = 0x444C4643; // "DLFC"

    private final Path dir;
    private final String key;
    private final FileHashes hashes;
    private final CacheWrites writes;

    /**
     * @param dir    the cache directory (created on the first write)
     * @param key    the configuration key ({@link KeyBuilder#build()})
     * @param hashes the hashes of files, shared by a run's units
     */
    public FactCache(Path dir, String key, FileHashes hashes) {
        this(dir, key, hashes, CacheWrites.quiet(dir.toAbsolutePath().normalize()));
    }

    /** @param writes whether the run still writes its cache, shared by the run's units */
    public FactCache(Path dir, String key, FileHashes hashes, CacheWrites writes) {
        this.dir = dir.toAbsolutePath().normalize();
        this.key = key;
        this.hashes = hashes;
        this.writes = writes;
    }

    /** Whether this run still writes its cache, and where it says why it stopped. */
    public CacheWrites writes() {
        return writes;
    }

    /** The hashes of files this cache compares with its entries. */
    public FileHashes hashes() {
        return hashes;
    }

    public Path directory() {
        return dir;
    }

    /**
     * A file of the cache beside the entries, for {@code owner} (a unit, say) under this cache's
     * key: {@code folder/<hash of owner>-<hash of key>.extension}.
     */
    public Path sidecar(String folder, String owner, String extension) {
        return dir.resolve(folder).resolve(hexName(owner) + "-" + hexName(key) + "." + extension);
    }

    /** How long a sidecar of another key may go unused before {@link #retireOthers} deletes it. */
    public static final java.time.Duration RETIRE_AFTER = java.time.Duration.ofDays(7);

    /**
     * Deletes the sidecars of the same owner written under other keys (an older version of the
     * tool, another configuration) that no run used for {@link #RETIRE_AFTER} (their users
     * touch them): an index of a whole kernel takes a few hundred megabytes, and two
     * configurations used in turn must not delete each other's.
     */
    public void retireOthers(Path sidecar) {
        long before = System.currentTimeMillis() - RETIRE_AFTER.toMillis();
        String name = sidecar.getFileName().toString();
        String owner = name.substring(0, name.indexOf('-') + 1);
        try (java.util.stream.Stream<Path> siblings = Files.list(sidecar.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String other = p.getFileName().toString();
                if (other.startsWith(owner) && !other.equals(name) && !other.contains(".tmp")
                        && Files.getLastModifiedTime(p).toMillis() < before) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for a later run: they only take room
        }
    }

    /** The configuration key entries are written under. */
    public String key() {
        return key;
    }

    /**
     * What a run keeps of one file.
     *
     * @param factsDigest the SHA-256 of the facts' encoding (null without facts): equal digests,
     *                    equal facts, whatever the text around them ({@link RunRecord} compares them)
     * @param headers     the headers the file included when it was parsed (read entries only)
     */
    public record Entry(UnitFacts facts, List<Problem> problems, long lines, String text, byte[] factsDigest,
                        List<Path> headers) {

        /** An entry for facts just extracted, whose digest {@link #store} computes. */
        public Entry(UnitFacts facts, List<Problem> problems, long lines, String text) {
            this(facts, problems, lines, text, null, List.of());
        }
    }

    /** The encoding of one file's facts, with a string table of its own so that it depends on them alone. */
    static byte[] encode(UnitFacts facts) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(buffer);
            new FactsCodec.Writer(out).unit(facts);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
    }

    /** The bytes and hash of a source file read for a lookup, reused to store its entry. */
    public static final class Source {
        final Path path;
        final String file;
        final byte[] hash;

        Source(Path path, String file, byte[] hash) {
            this.path = path;
            this.file = file;
            this.hash = hash;
        }

        /** The SHA-256 of the file's bytes as read for the lookup. */
        public byte[] hash() {
            return hash.clone();
        }
    }

    /** The outcome of {@link #lookup}: an entry, or what is needed to store one after parsing. */
    public record Lookup(Entry hit, Source source) {
    }

    /**
     * Looks {@code path} up.
     *
     * @param path its absolute path
     * @param file its name as reports show it
     * @return a hit, or a miss carrying what {@link #store} needs (null source when the file cannot be read)
     */
    public Lookup lookup(Path path, String file) {
        // read through the run's hashes: the next run knows this file's hash without reading it
        Optional<FileHashes.Content> content = hashes.content(path);
        if (content.isEmpty()) {
            return new Lookup(null, null);
        }
        byte[] bytes = content.get().bytes();
        Source source = new Source(path, file, content.get().hash());
        Entry hit = null;
        try {
            hit = read(source, bytes);
        } catch (IOException | RuntimeException e) {
            hit = null; // corrupt, stale or unreadable: parse again
        }
        return new Lookup(hit, source);
    }

    private Entry read(Source source, byte[] sourceBytes) throws IOException {
        ByteBuffer body = Checksummed.body(entryPath(source.file));
        if (body == null) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body.array(), 0, body.limit()));
        if (in.readInt() != MAGIC || in.readInt() != FactsCodec.FORMAT) {
            return null;
        }
        if (!in.readUTF().equals(key) || !in.readUTF().equals(source.file)) {
            return null;
        }
        if (!Arrays.equals(hash(in), source.hash)) {
            return null;
        }
        int headers = in.readInt();
        if (headers < 0 || headers > 100_000) {
            return null;
        }
        List<Path> included = new ArrayList<>(headers);
        for (int i = 0; i < headers; i++) {
            Path header = Path.of(in.readUTF());
            byte[] expected = hash(in);
            Optional<byte[]> now = headerHash(header);
            if (now.isEmpty() || !Arrays.equals(now.get(), expected)) {
                return null;
            }
            included.add(header);
        }
        long lines = in.readLong();
        boolean hasText = in.readBoolean();
        FactsCodec.Reader r = new FactsCodec.Reader(in);
        List<Problem> problems = r.problems();
        UnitFacts facts = null;
        byte[] digest = null;
        if (in.readBoolean()) {
            digest = hash(in);
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                return null;
            }
            byte[] encoded = new byte[n];
            in.readFully(encoded);
            facts = new FactsCodec.Reader(new DataInputStream(new ByteArrayInputStream(encoded))).unit();
        }
        if (in.available() != 0) {
            return null;
        }
        return new Entry(facts, problems, lines, hasText ? decode(sourceBytes) : "", digest, included);
    }

    private static byte[] hash(DataInputStream in) throws IOException {
        byte[] h = new byte[32];
        in.readFully(h);
        return h;
    }

    /**
     * Stores the facts of a freshly parsed file.
     *
     * @param source  from the {@link #lookup} that missed (nothing is stored when null)
     * @param headers the absolute paths of the headers the unit included
     * @return the digest of the entry's facts (null without facts), stored or not
     */
    public byte[] store(Source source, List<Path> headers, Entry entry) {
        byte[] encoded = entry.facts() == null ? null : encode(entry.facts());
        byte[] digest = encoded == null ? null : FileHashes.sha256(encoded);
        if (source == null || !writes.on()) {
            return digest;
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeInt(FactsCodec.FORMAT);
            out.writeUTF(key);
            out.writeUTF(source.file);
            out.write(source.hash);
            List<Path> sorted = new ArrayList<>(new java.util.TreeSet<>(headers));
            List<byte[]> hashes = new ArrayList<>();
            for (Path h : sorted) {
                Optional<byte[]> hh = headerHash(h);
                if (hh.isEmpty()) {
                    return digest; // a header vanished meanwhile: do not cache
                }
                hashes.add(hh.get());
            }
            out.writeInt(sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                out.writeUTF(sorted.get(i).toString());
                out.write(hashes.get(i));
            }
            out.writeLong(entry.lines());
            out.writeBoolean(entry.text() != null && !entry.text().isEmpty());
            FactsCodec.Writer w = new FactsCodec.Writer(out);
            w.problems(entry.problems());
            out.writeBoolean(entry.facts() != null);
            if (entry.facts() != null) {
                out.write(digest);
                out.writeInt(encoded.length);
                out.write(encoded);
            }
            out.flush();
            writeAtomically(entryPath(source.file), buffer.toByteArray());
        } catch (IOException | RuntimeException e) {
            // an unwritable cache only costs time on the next run
        }
        return digest;
    }

    /**
     * Writes {@code body} and its checksum atomically ({@link Checksummed#write}); after a
     * failure (a folder that cannot be created, a full disk) the cache is not written again
     * in this run ({@link CacheWrites}).
     */
    void writeAtomically(Path target, byte[] body) throws IOException {
        if (!writes.on()) {
            throw new IOException("the cache is off for this run");
        }
        try {
            Files.createDirectories(target.getParent());
            Checksummed.write(target, body);
        } catch (IOException e) {
            writes.failed(target, e);
            throw e;
        }
    }

    /** A file name for {@code s}: hex digits of its SHA-256. */
    static String hexName(String s) {
        return HexFormat.of().formatHex(FileHashes.sha256(s.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
    }

    /** The entry file of a source, named after a hash of its report name (256 sub-folders). */
    Path entryPath(String file) {
        String h = HexFormat.of().formatHex(FileHashes.sha256(file.getBytes(StandardCharsets.UTF_8)));
        return dir.resolve(h.substring(0, 2)).resolve(h.substring(2, 40) + ".facts");
    }

    /** The SHA-256 of a header's bytes, read at most once per run; empty when it cannot be read. */
    public Optional<byte[]> headerHash(Path header) {
        return hashes.hash(header);
    }

    /** Decodes like the parser does for valid UTF-8 (the only kind an entry with text comes from). */
    private static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            return "";
        }
    }

    /** Builds a configuration key: everything besides the file contents that changes the facts. */
    public static final class KeyBuilder {
        private final MessageDigest digest;

        public KeyBuilder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            add("format", Integer.toString(FactsCodec.FORMAT));
        }

        /** Adds a named part (order matters). */
        public KeyBuilder add(String name, String value) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = (value == null ? "\u0000null" : value).getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(8).putInt(n.length).putInt(v.length).array());
            digest.update(n);
            digest.update(v);
            return this;
        }

        /** Adds the content of a file (its absence too). */
        public KeyBuilder addFile(String name, Path file) {
            if (file == null) {
                return add(name, null);
            }
            try {
                return add(name, file + "\u0000" + HexFormat.of().formatHex(FileHashes.sha256(Files.readAllBytes(file))));
            } catch (IOException | RuntimeException e) {
                return add(name, file + "\u0000unreadable");
            }
        }

        public String build() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
