package io.github.dovelint.cache;

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
 * The SHA-256 of files' bytes: computed once per run, and taken from the last
 * run without reading the file when its stat (size, device, inode, mtime and
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
 */
public final class FileHashes {

    /** Its file's name in a cache folder. */
    public static final String FILE_NAME = "hashes.bin";
    private static final int MAGIC = 0x444C4648; // "DLFH"
    private static final int FORMAT = 1;
    /** How long after its last change a file's stat is trusted to tell a change. */
    static final long RACY_MILLIS = 2_000;

    /** A file's stat and the hash of the bytes read after it was taken. */
    private record Entry(long size, long dev, long ino, long mtime, long ctime, byte[] hash) {

        boolean sameStat(Entry o) {
            return size == o.size && dev == o.dev && ino == o.ino && mtime == o.mtime && ctime == o.ctime;
        }
    }

    private final Path file;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private final Map<Path, Optional<byte[]>> memo = new ConcurrentHashMap<>();
    /** The files looked at in this run, by absolute path. */
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    /** The wall clock, in milliseconds, that tells how long ago a file changed. */
    private final java.util.function.LongSupplier clock;
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean changed;

    private FileHashes(Path file, Map<String, Entry> previous, java.util.function.LongSupplier clock) {
        this.file = file;
        this.previous = previous;
        this.clock = clock;
    }

    /** Hashes remembered for this run only (no cache folder). */
    public static FileHashes inMemory() {
        return new FileHashes(null, Map.of(), System::currentTimeMillis);
    }

    /** Hashes kept in {@code file} between runs (read now, written by {@link #save}). */
    public static FileHashes at(Path file) {
        return at(file, System::currentTimeMillis);
    }

    static FileHashes at(Path file, java.util.function.LongSupplier clock) {
        return new FileHashes(file, read(file), clock);
    }

    /** How many files this run read to hash them. */
    int reads() {
        return reads.get();
    }

    /** The SHA-256 of the file's bytes, empty if it cannot be read. */
    public Optional<byte[]> hash(Path path) {
        return memo.computeIfAbsent(path, this::compute);
    }

    private Optional<byte[]> compute(Path path) {
        String key = path.toAbsolutePath().toString();
        seen.add(key);
        Entry stat = file == null ? null : stat(path);
        if (stat != null) {
            Entry known = previous.get(key);
            if (known != null && known.sameStat(stat)) {
                now.put(key, known);
                return Optional.of(known.hash.clone());
            }
        }
        Read r = read(path, key, stat);
        return r == null ? Optional.empty() : Optional.of(r.hash.clone());
    }

    /** A file's bytes as read, and their hash. */
    private record Read(byte[] bytes, byte[] hash) {
    }

    /**
     * Reads a file for a caller that needs its bytes (to scan it), hashing them on the way as
     * {@link #hash} would: a later {@link #hash} of it in this run, or of the unchanged file in
     * the next one, does not read it again. Null when it cannot be read.
     */
    public byte[] bytes(Path path) {
        String key = path.toAbsolutePath().toString();
        seen.add(key);
        Read r = read(path, key, file == null ? null : stat(path));
        memo.putIfAbsent(path, r == null ? Optional.empty() : Optional.of(r.hash.clone()));
        return r == null ? null : r.bytes;
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
        byte[] hash = sha256(bytes);
        if (stat != null && Math.max(stat.mtime, stat.ctime) < TimeUnit.MILLISECONDS.toNanos(before - RACY_MILLIS)) {
            now.put(key, new Entry(stat.size, stat.dev, stat.ino, stat.mtime, stat.ctime, hash));
            changed = true;
        } else {
            changed |= previous.containsKey(key);
        }
        return new Read(bytes, hash);
    }

    /** The file's stat, null where the filesystem has no ctime or inode (or the file is gone). */
    private static Entry stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:size,dev,ino,lastModifiedTime,ctime");
            return new Entry((Long) a.get("size"), (Long) a.get("dev"), (Long) a.get("ino"),
                    nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), null);
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
        if (file == null || !changed) {
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
            }
            d.flush();
            Checksummed.write(file, buffer.toByteArray());
        } catch (IOException | RuntimeException e) {
            // not kept: the next run reads every file once more
        }
    }

    private static Map<String, Entry> read(Path file) {
        try {
            ByteBuffer in = Checksummed.body(file);
            if (in == null || in.getInt() != MAGIC || in.getInt() != FORMAT) {
                return Map.of();
            }
            int n = in.getInt();
            if (n < 0 || n > in.remaining() / 72) {
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
                Entry e = new Entry(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), null);
                byte[] hash = new byte[32];
                in.get(hash);
                out.put(name, new Entry(e.size, e.dev, e.ino, e.mtime, e.ctime, hash));
            }
            return in.hasRemaining() ? Map.of() : out;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // corrupt: every file is read
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
