package io.github.dovelint.slice;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * A {@link LexicalIndex} kept between runs, so that a run where one file changed
 * scans that file and takes every other one from here: the symbols by number,
 * and per source the SHA-256 of its bytes, its index's digest, how its quoted
 * includes resolved, and its nodes; the hash of every header read. A source is
 * taken only if its bytes hash the same and its includes resolve to the same
 * headers, and only if no header changed. Written atomically with a CRC32C
 * trailer; anything unreadable or inconsistent is no store (the run scans
 * everything, as the first one did).
 */
public final class IndexStore {

    private static final int MAGIC = 0x444C4C58; // "DLLX"
    private static final int FORMAT = 1;

    private IndexStore() {
    }

    /** One source as stored. */
    public record Source(byte[] hash, byte[] digest, boolean suppression, List<String[]> resolutions,
                         LexicalIndex.Nodes nodes) {

        /** Whether every include of the source resolves now as it did. */
        boolean stillResolves(List<Path> includeDirs) {
            for (String[] r : resolutions) {
                Path now = LexicalIndex.resolveFrom(Path.of(r[0]), r[1], includeDirs);
                if (!(now == null ? "" : now.toString()).equals(r[2])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A store as read. */
    public record Stored(String[] names, Map<String, Source> sources, Map<Path, byte[]> headerHashes) {

        Source source(String path) {
            return sources.get(path);
        }

        /** Whether every header read then hashes the same now. */
        boolean headersUnchanged() {
            for (Map.Entry<Path, byte[]> h : headerHashes.entrySet()) {
                byte[] bytes = LexicalIndex.bytes(h.getKey());
                if (bytes == null || !Arrays.equals(LexicalIndex.sha256(bytes), h.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes an index built over {@code sources}, under {@code key}; a failure only costs time next run. */
    public static void write(Path file, String key, List<Path> sources, LexicalIndex index) {
        LexicalIndex.Scan scan = index.scan;
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = file.resolveSibling(file.getFileName() + ".tmp" + Long.toHexString(
                    ThreadLocalRandom.current().nextLong()));
            CRC32C crc = new CRC32C();
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CrcStream(raw, crc),
                         1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                str(out, key);
                String[] names = index.symbols().names();
                out.writeInt(names.length);
                for (String n : names) {
                    str(out, n);
                }
                out.writeInt(scan.headerHashes.size());
                for (Map.Entry<Path, byte[]> h : new java.util.TreeMap<>(scan.headerHashes).entrySet()) {
                    str(out, h.getKey().toString());
                    out.write(h.getValue());
                }
                int kept = 0;
                for (int k = 0; k < sources.size(); k++) {
                    kept += keep(scan, k) ? 1 : 0;
                }
                out.writeInt(kept);
                for (int k = 0; k < sources.size(); k++) {
                    if (!keep(scan, k)) {
                        continue;
                    }
                    str(out, sources.get(k).toString());
                    out.write(scan.hashes[k]);
                    out.write(scan.digests[k]);
                    out.writeBoolean(scan.suppressions[k]);
                    List<String[]> res = scan.resolutions.get(k);
                    out.writeInt(res.size());
                    for (String[] r : res) {
                        str(out, r[0]);
                        str(out, r[1]);
                        str(out, r[2]);
                    }
                    LexicalIndex.Nodes nodes = scan.nodes[k];
                    out.writeInt(nodes.names().length);
                    for (int d = 0; d < nodes.names().length; d++) {
                        out.writeInt(nodes.names()[d]);
                        int[] m = nodes.mentions()[d];
                        out.writeInt(m.length);
                        for (int v : m) {
                            out.writeInt(v);
                        }
                    }
                    out.writeInt(nodes.bindings().length);
                    for (long b : nodes.bindings()) {
                        out.writeLong(b);
                    }
                }
                out.flush();
                raw.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // no store: the next run scans everything
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left behind: harmless
                }
            }
        }
    }

    private static boolean keep(LexicalIndex.Scan scan, int k) {
        return scan.nodes[k] != null && scan.hashes[k] != null && scan.digests[k] != null;
    }

    /** The store at {@code file} if it was written under {@code key} and is intact. */
    public static Optional<Stored> read(Path file, String key) {
        try {
            ByteBuffer in = io.github.dovelint.cache.Checksummed.body(file);
            if (in == null || in.getInt() != MAGIC || in.getInt() != FORMAT || !str(in).equals(key)) {
                return Optional.empty();
            }
            String[] names = new String[count(in)];
            for (int k = 0; k < names.length; k++) {
                names[k] = str(in);
            }
            Map<Path, byte[]> headers = new HashMap<>();
            for (int h = count(in); h > 0; h--) {
                headers.put(Path.of(str(in)), bytes(in, 32));
            }
            Map<String, Source> sources = new HashMap<>();
            for (int s = count(in); s > 0; s--) {
                String path = str(in);
                byte[] hash = bytes(in, 32);
                byte[] digest = bytes(in, 16);
                boolean suppression = in.get() != 0;
                List<String[]> res = new ArrayList<>();
                for (int r = count(in); r > 0; r--) {
                    res.add(new String[] {str(in), str(in), str(in)});
                }
                int n = count(in);
                int[] nodeNames = new int[n];
                int[][] mentions = new int[n][];
                for (int d = 0; d < n; d++) {
                    nodeNames[d] = symbol(in.getInt(), names.length, true);
                    int[] m = new int[count(in)];
                    for (int v = 0; v < m.length; v++) {
                        m[v] = symbol(in.getInt(), names.length, false);
                    }
                    mentions[d] = m;
                }
                long[] bindings = new long[count(in)];
                for (int b = 0; b < bindings.length; b++) {
                    bindings[b] = in.getLong();
                    symbol(FileIndex.member(bindings[b]), names.length, false);
                    symbol(FileIndex.function(bindings[b]), names.length, false);
                }
                sources.put(path, new Source(hash, digest, suppression, res,
                        new LexicalIndex.Nodes(nodeNames, mentions, bindings)));
            }
            return in.hasRemaining() ? Optional.empty() : Optional.of(new Stored(names, sources, headers));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // corrupt or stale: scan everything
        }
    }

    private static int symbol(int v, int names, boolean mayBeNone) {
        if (v >= names || v < (mayBeNone ? -1 : 0)) {
            throw new IllegalStateException("bad symbol " + v);
        }
        return v;
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalStateException("bad count " + n);
        }
        return n;
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(ByteBuffer in) {
        int n = count(in);
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    /** An output stream that feeds a checksum on the way. */
    private static final class CrcStream extends java.io.FilterOutputStream {
        private final CRC32C crc;

        CrcStream(OutputStream out, CRC32C crc) {
            super(out);
            this.crc = crc;
        }

        @Override
        public void write(int b) throws IOException {
            crc.update(b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
