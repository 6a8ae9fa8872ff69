package io.github.dovelint.cache;

import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.suppress.SuppressionSyntax;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of files' bytes, and whether they may hold a suppression comment
 * ({@link SuppressionSyntax#mayHold(byte[])}): computed once per run, and taken from the last run
 * without reading the file when its stat (size, device, inode, mtime and
 * ctime) is what it was when it was hashed. That is how git's index and
 * ccache's direct mode tell an unchanged file; ctime cannot be set back by
 * {@code touch} or {@code tar}, so an edit always shows.
 *
 * <p>A file whose mtime or ctime was less than {@link #RACY_MILLIS} before it was
 * hashed is not remembered (git's "racily clean" entries): on a filesystem with
 * coarse timestamps its next change could carry the same times. Where the
 * filesystem has no POSIX attributes (no ctime, no inode), every file is read.
 *
 * <p>Kept in one checksummed file, written atomically; a missing or corrupt
 * file only means every file is read once more.
 *
 * <p>A file a {@link SourceOverlay} covers hashes as the overlay's text, and is never kept:
 * its stat is the disk file's, whose bytes are another text. Every other cache of a run is
 * keyed by these hashes, so what a run stores for an overlaid text is found again only for the
 * same text (docs/robustness.md#unsaved-buffers).
 */
public final class FileHashes {

    /** Its file's name in a cache folder. */
    public static final String FILE_NAME = "hashes.bin";
    private static final int MAGIC = 0x444C4648; // "DLFH"
    private static final int FORMAT = 2;
    /** How long after its last change a file's stat is trusted to tell a change. */
    static final long RACY_MILLIS = 2_000;

    /** A file's stat, and the hash of the bytes read after it was taken and whether they hold the marker. */
    private record Entry(long size, long dev, long ino, long mtime, long ctime, byte[] hash, boolean marked) {

        boolean sameStat(Entry o) {
            return size == o.size && dev == o.dev && ino == o.ino && mtime == o.mtime && ctime == o.ctime;
        }
    }

    private final Path file;
    private final CacheWrites writes;
    private final SourceOverlay overlay;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Known>> memo = new ConcurrentHashMap<>();

    /** What a run knows of a readable file. */
    private record Known(byte[] hash, boolean marked) {
    }
    /** The files looked at in this run, by absolute path. */
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    /** The wall clock, in milliseconds, that tells how long ago a file changed. */
    private final java.util.function.LongSupplier clock;
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean changed;

    private FileHashes(Path file, CacheWrites writes, Map<String, Entry> previous,
                       java.util.function.LongSupplier clock, SourceOverlay overlay) {
        this.file = file;
        this.writes = writes;
        this.overlay = overlay;
        this.previous = previous;
        this.clock = clock;
    }

    /** Hashes remembered for this run only (no cache folder). */
    public static FileHashes inMemory() {
        return inMemory(SourceOverlay.NONE);
    }

    /** Hashes remembered for this run only, of the files as {@code overlay} shows them. */
    public static FileHashes inMemory(SourceOverlay overlay) {
        return new FileHashes(null, null, Map.of(), System::currentTimeMillis, overlay);
    }

    /** Hashes kept in {@code file} between runs (read now, written by {@link #save}). */
    public static FileHashes at(Path file) {
        return at(file, CacheWrites.quiet(file.toAbsolutePath().getParent()));
    }

    /** As {@link #at(Path)}, saved only while {@code writes} is on, and a failure to save turns it off. */
    public static FileHashes at(Path file, CacheWrites writes) {
        return at(file, writes, SourceOverlay.NONE);
    }

    /** As {@link #at(Path, CacheWrites)}, of the files as {@code overlay} shows them. */
    public static FileHashes at(Path file, CacheWrites writes, SourceOverlay overlay) {
        return new FileHashes(file, writes, read(file), System::currentTimeMillis, overlay);
    }

    static FileHashes at(Path file, java.util.function.LongSupplier clock) {
        return at(file, clock, SourceOverlay.NONE);
    }

    static FileHashes at(Path file, java.util.function.LongSupplier clock, SourceOverlay overlay) {
        return new FileHashes(file, CacheWrites.quiet(file.toAbsolutePath().getParent()), read(file), clock, overlay);
    }

    /** The texts that stand for files in this run; every reader of the run's sources reads through it. */
    public SourceOverlay overlay() {
        return overlay;
    }

    /** How many files this run read to hash them. */
    int reads() {
        return reads.get();
    }

    /** The SHA-256 of the file's bytes, empty if it cannot be read. */
    public Optional<byte[]> hash(Path path) {
        return memo.computeIfAbsent(path, this::compute).map(k -> k.hash.clone());
    }

    /**
     * Whether the file's bytes may hold a suppression comment ({@link #holdsMarker}); false
     * when it cannot be read. Known without reading the file while its stat holds.
     */
    public boolean marked(Path path) {
        Optional<Known> known = memo.get(path);
        if (known == null && file == null) {
            try {
                return holdsMarker(overlay.read(path)); // nothing to keep: no hash to compute
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                return false;
            }
        }
        return (known != null ? known : memo.computeIfAbsent(path, this::compute)).map(Known::marked).orElse(false);
    }

    private Optional<Known> compute(Path path) {
        if (overlay.covers(path)) {
            return Optional.of(overlaid(path).known);
        }
        String key = path.toAbsolutePath().toString();
        seen.add(key);
        Entry stat = file == null ? null : stat(path);
        if (stat != null) {
            Entry known = previous.get(key);
            if (known != null && known.sameStat(stat)) {
                now.put(key, known);
                return Optional.of(new Known(known.hash, known.marked));
            }
        }
        Read r = read(path, key, stat);
        return r == null ? Optional.empty() : Optional.of(r.known);
    }

    /** A file's bytes as read, and what they tell. */
    private record Read(byte[] bytes, Known known) {
    }

    /** A file's bytes as read now, and their SHA-256. */
    public record Content(byte[] bytes, byte[] hash) {
    }

    /**
     * Reads a file for a caller that needs its bytes (to scan or parse it), hashing them on
     * the way: a later {@link #hash} of it in this run, or of the unchanged file in the next
     * one, does not read it again. The hash is that of these very bytes, even if the file
     * changed since an earlier {@link #hash} of this run. Empty when it cannot be read.
     */
    public Optional<Content> content(Path path) {
        if (overlay.covers(path)) {
            Read r = overlaid(path);
            memo.putIfAbsent(path, Optional.of(r.known));
            return Optional.of(new Content(r.bytes, r.known.hash.clone()));
        }
        String key = path.toAbsolutePath().toString();
        seen.add(key);
        Read r = read(path, key, file == null ? null : stat(path));
        memo.putIfAbsent(path, r == null ? Optional.empty() : Optional.of(r.known));
        return r == null ? Optional.empty() : Optional.of(new Content(r.bytes, r.known.hash.clone()));
    }

    /** The overlay's text of a file, hashed; not remembered beyond this run, nor seen (its last entry stands). */
    private Read overlaid(Path path) {
        byte[] bytes = overlay.text(path).orElseThrow().getBytes(StandardCharsets.UTF_8);
        return new Read(bytes, new Known(sha256(bytes), holdsMarker(bytes)));
    }

    /** Reads the file after its stat was taken, and remembers its hash if the stat can tell a change. */
    private Read read(Path path, String key, Entry stat) {
        long before = clock.getAsLong();
        byte[] bytes;
        try {
            reads.incrementAndGet();
            bytes = Files.readAllBytes(path);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            changed |= previous.containsKey(key);
            return null;
        }
        Known known = new Known(sha256(bytes), holdsMarker(bytes));
        if (stat != null && Math.max(stat.mtime, stat.ctime) < TimeUnit.MILLISECONDS.toNanos(before - RACY_MILLIS)) {
            now.put(key, new Entry(stat.size, stat.dev, stat.ino, stat.mtime, stat.ctime, known.hash, known.marked));
            changed = true;
        } else {
            changed |= previous.containsKey(key);
        }
        return new Read(bytes, known);
    }

    /**
     * Whether {@code bytes} may hold a suppression comment, as {@link SuppressionSyntax#mayHold(byte[])}
     * decides; a file that may not need not be decoded.
     */
    public static boolean holdsMarker(byte[] bytes) {
        return SuppressionSyntax.mayHold(bytes);
    }

    /** The file's stat, null where the filesystem has no ctime or inode (or the file is gone). */
    private static Entry stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:size,dev,ino,lastModifiedTime,ctime");
            return new Entry((Long) a.get("size"), (Long) a.get("dev"), (Long) a.get("ino"),
                    nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), null, false);
        } catch (IOException | RuntimeException e) {
            return null; // no "unix" view (UnsupportedOperationException), or unreadable
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /**
     * Writes what this run learnt, if anything: the files hashed or confirmed now, and those of
     * the last run not looked at now (another part of the tree) while they are fewer.
     */
    public void save() {
        if (file == null || !changed || !writes.on()) {
            return;
        }
        Map<String, Entry> out = new TreeMap<>(now);
        int unseen = 0;
        for (Map.Entry<String, Entry> e : previous.entrySet()) {
            if (!seen.contains(e.getKey()) && unseen < now.size()) {
                out.putIfAbsent(e.getKey(), e.getValue());
                unseen++;
            }
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + out.size() * 120);
            DataOutputStream d = new DataOutputStream(buffer);
            d.writeInt(MAGIC);
            d.writeInt(FORMAT);
            d.writeInt(out.size());
            for (Map.Entry<String, Entry> e : out.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                d.writeInt(name.length);
                d.write(name);
                Entry s = e.getValue();
                d.writeLong(s.size);
                d.writeLong(s.dev);
                d.writeLong(s.ino);
                d.writeLong(s.mtime);
                d.writeLong(s.ctime);
                d.write(s.hash);
                d.writeBoolean(s.marked);
            }
            d.flush();
            Checksummed.write(file, buffer.toByteArray());
        } catch (IOException e) {
            writes.failed(file, e); // not kept: the next run reads every file once more
        } catch (RuntimeException e) {
            // not kept either
        }
    }

    private static Map<String, Entry> read(Path file) {
        try {
            ByteBuffer in = Checksummed.body(file);
            if (in == null || in.getInt() != MAGIC || in.getInt() != FORMAT) {
                return Map.of();
            }
            int n = in.getInt();
            if (n < 0 || n > in.remaining() / 77) {
                return Map.of();
            }
            Map<String, Entry> out = new HashMap<>(n + n / 2);
            for (int k = 0; k < n; k++) {
                int len = in.getInt();
                if (len < 0 || len > in.remaining()) {
                    return Map.of();
                }
                String name = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
                in.position(in.position() + len);
                long size = in.getLong();
                long dev = in.getLong();
                long ino = in.getLong();
                long mtime = in.getLong();
                long ctime = in.getLong();
                byte[] hash = new byte[32];
                in.get(hash);
                out.put(name, new Entry(size, dev, ino, mtime, ctime, hash, in.get() != 0));
            }
            return in.hasRemaining() ? Map.of() : out;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // corrupt: every file is read
        }
    }

    /** The SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
