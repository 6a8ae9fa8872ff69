package io.github.dovelint.slice;

import io.github.dovelint.parse.Daemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link FileIndex}es of a unit's sources put together: one node per
 * function definition and one per file's scope, each with the identifiers it
 * mentions once the macros the file sees are expanded, and who defines, who
 * mentions and who binds each identifier. The static inline functions and
 * macros of the quoted headers a source includes (found next to it or in the
 * include directories, as the parser finds them) count as the source's own.
 *
 * <p>Built on {@code threads} threads; immutable once built.
 */
public final class LexicalIndex {

    private final Symbols symbols;
    private final int sources;
    /** Sources that could not be read or that hold NUL bytes: the parser reports them. */
    private final boolean[] unreadable;
    private final int[] nodeFile;
    private final int[] nodeName;
    private final int[][] nodeMentions;
    private final Csr definers;
    private final Csr mentioners;
    private final Csr boundTo;
    private final Csr binders;
    private final Csr membersOf;
    /** Per source: its index's digest, the SHA-256 of its bytes (when asked for), whether it has a suppression. */
    private final byte[][] digests;
    private final byte[][] hashes;
    private final boolean[] suppressions;
    /** Every header read, by absolute path: a change there may change the index. */
    private final java.util.SortedSet<Path> headers;
    /** What was scanned or taken from the store, kept for {@link IndexStore#write}. */
    final Scan scan;

    private LexicalIndex(Symbols symbols, int sources, boolean[] unreadable, List<int[]> nodes,
                         List<int[]> mentions, List<long[]> bindingsPerSource, Scan scan) {
        this.symbols = symbols;
        this.digests = scan.digests;
        this.hashes = scan.hashes;
        this.suppressions = scan.suppressions;
        this.headers = new java.util.TreeSet<>(scan.headerHashes.keySet());
        this.scan = scan;
        this.sources = sources;
        this.unreadable = unreadable;
        int n = nodes.size();
        this.nodeFile = new int[n];
        this.nodeName = new int[n];
        this.nodeMentions = mentions.toArray(new int[0][]);
        for (int k = 0; k < n; k++) {
            nodeFile[k] = nodes.get(k)[0];
            nodeName[k] = nodes.get(k)[1];
        }
        int size = symbols.size();
        Csr.Builder defs = new Csr.Builder(size);
        Csr.Builder refs = new Csr.Builder(size);
        for (int k = 0; k < n; k++) {
            if (nodeName[k] >= 0) {
                defs.count(nodeName[k]);
            }
            for (int m : nodeMentions[k]) {
                refs.count(m);
            }
        }
        defs.allocate();
        refs.allocate();
        for (int k = 0; k < n; k++) {
            if (nodeName[k] >= 0) {
                defs.put(nodeName[k], k);
            }
            for (int m : nodeMentions[k]) {
                refs.put(m, k);
            }
        }
        this.definers = defs.build();
        this.mentioners = refs.build();
        Csr.Builder bound = new Csr.Builder(size);
        Csr.Builder bindersB = new Csr.Builder(size);
        Csr.Builder members = new Csr.Builder(size);
        for (long[] bs : bindingsPerSource) {
            for (long b : bs) {
                bound.count(FileIndex.member(b));
                bindersB.count(FileIndex.function(b));
                members.count(FileIndex.function(b));
            }
        }
        bound.allocate();
        bindersB.allocate();
        members.allocate();
        for (int f = 0; f < bindingsPerSource.size(); f++) {
            for (long b : bindingsPerSource.get(f)) {
                bound.put(FileIndex.member(b), FileIndex.function(b));
                bindersB.put(FileIndex.function(b), f);
                members.put(FileIndex.function(b), FileIndex.member(b));
            }
        }
        this.boundTo = bound.build();
        this.binders = bindersB.build();
        this.membersOf = members.build();
    }

    /** What the scanning threads fill in, per source. */
    static final class Scan {
        final byte[][] digests;
        final byte[][] hashes;
        final boolean[] suppressions;
        /** Per source: each quoted include followed, as {@code directory, name, resolved path or ""}. */
        final List<List<String[]>> resolutions;
        final Nodes[] nodes;
        final Map<Path, Optional<FileIndex>> headers = new ConcurrentHashMap<>();
        final Map<Path, byte[]> headerHashes = new ConcurrentHashMap<>();
        /** How many sources were scanned rather than taken from a store. */
        final AtomicInteger fresh = new AtomicInteger();

        Scan(int count) {
            digests = new byte[count][];
            hashes = new byte[count][];
            suppressions = new boolean[count];
            resolutions = new ArrayList<>(java.util.Collections.nCopies(count, List.of()));
            nodes = new Nodes[count];
        }
    }

    private static final byte[] SUPPRESSION = "dovelint-ignore".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Scans {@code sources} and the quoted headers they include.
     *
     * @param includeDirs where quoted includes not found next to their file are looked for
     * @param hashes      whether to keep the SHA-256 of each source's bytes ({@link #hash})
     */
    public static LexicalIndex build(List<Path> sources, List<Path> includeDirs, int threads, boolean hashes) {
        return build(sources, includeDirs, threads, hashes, null, null);
    }

    /**
     * Scans {@code sources}, taking from {@code previous} (an index of an earlier run, or null)
     * each source whose bytes hash the same and whose includes resolve to the same headers,
     * when none of the headers it read changed.
     *
     * @param knownHashes the SHA-256 of each source if already computed (entries may be null), or null
     */
    public static LexicalIndex build(List<Path> sources, List<Path> includeDirs, int threads, boolean hashes,
                                     IndexStore.Stored previous, byte[][] knownHashes) {
        IndexStore.Stored usable = previous != null && previous.headersUnchanged() ? previous : null;
        Symbols symbols = usable != null ? Symbols.restore(usable.names()) : new Symbols();
        int count = sources.size();
        boolean[] unreadable = new boolean[count];
        Scan scan = new Scan(count);
        if (usable != null) {
            scan.headerHashes.putAll(usable.headerHashes());
        }
        Nodes[] perSource = scan.nodes;
        AtomicInteger next = new AtomicInteger();
        int n = Math.max(1, Math.min(threads, count));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> Daemons.thread("dovelint-lexical", 4L << 20, r));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                done.add(pool.submit(() -> {
                    FileScanner scanner = new FileScanner(symbols);
                    for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                        Path source = sources.get(k);
                        IndexStore.Source stored = usable == null ? null : usable.source(source.toString());
                        byte[] known = knownHashes == null ? null : knownHashes[k];
                        byte[] bytes = null;
                        if (stored != null && known == null) {
                            bytes = bytes(source);
                            known = bytes == null ? null : sha256(bytes);
                        }
                        if (stored != null && known != null && java.util.Arrays.equals(known, stored.hash())
                                && stored.stillResolves(includeDirs)) {
                            scan.hashes[k] = stored.hash();
                            scan.digests[k] = stored.digest();
                            scan.suppressions[k] = stored.suppression();
                            scan.resolutions.set(k, stored.resolutions());
                            perSource[k] = stored.nodes();
                            continue;
                        }
                        scan.fresh.incrementAndGet();
                        if (bytes == null) {
                            bytes = bytes(source);
                        }
                        if (bytes != null && hashes) {
                            scan.hashes[k] = known != null ? known : sha256(bytes);
                        }
                        Optional<FileIndex> index = bytes == null ? Optional.empty() : index(scanner, bytes);
                        if (index.isEmpty()) {
                            unreadable[k] = true;
                            continue;
                        }
                        scan.digests[k] = index.get().digest();
                        scan.suppressions[k] = contains(bytes, SUPPRESSION);
                        List<String[]> resolved = new ArrayList<>();
                        List<FileIndex> inc = headersOf(scanner, source, index.get(), includeDirs, scan, resolved);
                        scan.resolutions.set(k, resolved);
                        perSource[k] = nodesOf(index.get(), inc);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing the sources", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("indexing the sources failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<int[]> nodes = new ArrayList<>();
        List<int[]> mentions = new ArrayList<>();
        List<long[]> bindings = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Nodes own = perSource[k];
            if (own == null) {
                bindings.add(new long[0]);
                continue;
            }
            for (int d = 0; d < own.names.length; d++) {
                nodes.add(new int[] {k, own.names[d]});
                mentions.add(own.mentions[d]);
            }
            bindings.add(own.bindings);
        }
        return new LexicalIndex(symbols, count, unreadable, nodes, mentions, bindings, scan);
    }

    /** One source's nodes: its functions and its headers', then its file scope (name -1). */
    record Nodes(int[] names, int[][] mentions, long[] bindings) {
    }

    private static Nodes nodesOf(FileIndex source, List<FileIndex> headers) {
        List<FileIndex> all = new ArrayList<>();
        all.add(source);
        all.addAll(headers);
        Macros macros = new Macros(all);
        int n = 1;
        for (FileIndex fi : all) {
            n += fi.functions().length;
        }
        int[] names = new int[n];
        int[][] mentions = new int[n][];
        int w = 0;
        for (FileIndex fi : all) {
            for (int d = 0; d < fi.functions().length; d++) {
                names[w] = fi.functions()[d];
                mentions[w++] = macros.expand(fi.mentions()[d]);
            }
        }
        names[w] = -1;
        mentions[w] = macros.expand(source.fileScope());
        long[] b = source.bindings();
        for (FileIndex h : headers) {
            b = concat(b, h.bindings());
        }
        return new Nodes(names, mentions, b);
    }

    private static Optional<FileIndex> read(FileScanner scanner, Path file) {
        byte[] bytes = bytes(file);
        return bytes == null ? Optional.empty() : index(scanner, bytes);
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return null;
        }
    }

    private static Optional<FileIndex> index(FileScanner scanner, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty(); // binary: the parser says so
            }
        }
        return Optional.of(scanner.scan(bytes));
    }

    /** The index of one file on its own, for its {@link FileIndex#digest()}; empty when unreadable or binary. */
    public static Optional<FileIndex> scanOne(Path file) {
        return read(new FileScanner(new Symbols()), file);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] bytes, byte[] word) {
        outer:
        for (int k = 0; k + word.length <= bytes.length; k++) {
            if (bytes[k] != word[0]) {
                continue;
            }
            for (int q = 1; q < word.length; q++) {
                if (bytes[k + q] != word[q]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The indexes of the quoted headers a file includes, transitively, each once; each include
     * followed is added to {@code resolved} as {@code directory, name, path or ""}.
     */
    private static List<FileIndex> headersOf(FileScanner scanner, Path file, FileIndex index, List<Path> includeDirs,
                                             Scan scan, List<String[]> resolved) {
        Set<Path> seen = new LinkedHashSet<>();
        List<FileIndex> out = new ArrayList<>();
        List<Object[]> todo = new ArrayList<>();
        todo.add(new Object[] {file, index});
        while (!todo.isEmpty()) {
            Object[] item = todo.remove(todo.size() - 1);
            Path from = (Path) item[0];
            for (String name : ((FileIndex) item[1]).includes()) {
                Path h = resolve(from, name, includeDirs);
                Path dir = from.toAbsolutePath().getParent();
                resolved.add(new String[] {String.valueOf(dir), name, h == null ? "" : h.toString()});
                if (h == null || !seen.add(h)) {
                    continue;
                }
                Optional<FileIndex> hi = scan.headers.get(h);
                if (hi == null) {
                    byte[] bytes = bytes(h);
                    hi = bytes == null ? Optional.empty() : index(scanner, bytes);
                    if (bytes != null) {
                        scan.headerHashes.putIfAbsent(h, sha256(bytes));
                    }
                    scan.headers.putIfAbsent(h, hi);
                }
                if (hi.isPresent()) {
                    out.add(hi.get());
                    todo.add(new Object[] {h, hi.get()});
                }
            }
        }
        return out;
    }

    /** Where {@code name}, included from a file in {@code dir}, resolves now; null if nowhere. */
    static Path resolveFrom(Path dir, String name, List<Path> includeDirs) {
        return resolve(dir.resolve("x"), name, includeDirs);
    }

    private static Path resolve(Path from, String name, List<Path> includeDirs) {
        try {
            Path dir = from.toAbsolutePath().getParent();
            Path p = dir == null ? null : dir.resolve(name).normalize();
            if (p != null && Files.isRegularFile(p)) {
                return p;
            }
            for (Path d : includeDirs) {
                Path q = d.toAbsolutePath().resolve(name).normalize();
                if (Files.isRegularFile(q)) {
                    return q;
                }
            }
        } catch (RuntimeException e) {
            // an odd name: not followed
        }
        return null;
    }

    private static long[] concat(long[] a, long[] b) {
        if (b.length == 0) {
            return a;
        }
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The macros one source sees (its own and its headers'), by name, to expand mentions with. */
    private static final class Macros {
        private final Map<Integer, int[]> byName = new HashMap<>();

        Macros(List<FileIndex> files) {
            for (FileIndex fi : files) {
                for (int k = 0; k < fi.macros().length; k++) {
                    byName.merge(fi.macros()[k], fi.expansions()[k], (a, b) -> union(a, b));
                }
            }
        }

        /** The mentions with every macro among them replaced by its expansion too, transitively. */
        int[] expand(int[] mentions) {
            if (byName.isEmpty()) {
                return mentions;
            }
            Set<Integer> extra = null;
            List<Integer> todo = new ArrayList<>();
            for (int m : mentions) {
                if (byName.containsKey(m)) {
                    todo.add(m);
                }
            }
            while (!todo.isEmpty()) {
                int m = todo.remove(todo.size() - 1);
                for (int e : byName.get(m)) {
                    if (Arrays.binarySearch(mentions, e) >= 0) {
                        continue; // mentioned directly: a macro among those was queued already
                    }
                    if (extra == null) {
                        extra = new java.util.HashSet<>();
                    }
                    if (extra.add(e) && byName.containsKey(e)) {
                        todo.add(e);
                    }
                }
            }
            if (extra == null) {
                return mentions;
            }
            int[] out = Arrays.copyOf(mentions, mentions.length + extra.size());
            int w = mentions.length;
            for (int e : extra) {
                out[w++] = e;
            }
            Arrays.sort(out);
            return out;
        }

        private static int[] union(int[] a, int[] b) {
            int[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return Arrays.stream(out).sorted().distinct().toArray();
        }
    }

    // --- queries ------------------------------------------------------------------------------

    /** The digest of a source's index, null when it could not be read. */
    public byte[] digest(int source) {
        return digests[source];
    }

    /** The SHA-256 of a source's bytes as read, null when not asked for or unreadable. */
    public byte[] hash(int source) {
        return hashes[source];
    }

    /** Whether a source's text has a {@code dovelint-ignore} comment (so its suppressions must be read). */
    public boolean hasSuppression(int source) {
        return suppressions[source];
    }

    /** How many sources were scanned, not taken from a stored index. */
    public int scannedAfresh() {
        return scan.fresh.get();
    }

    /** Every quoted header the index read. */
    public java.util.SortedSet<Path> headers() {
        return java.util.Collections.unmodifiableSortedSet(headers);
    }

    public Symbols symbols() {
        return symbols;
    }

    /** The number of sources. */
    public int sources() {
        return sources;
    }

    /** Whether the source could not be read (or is binary). */
    public boolean unreadable(int source) {
        return unreadable[source];
    }

    public int nodes() {
        return nodeFile.length;
    }

    /** The source a node belongs to. */
    public int file(int node) {
        return nodeFile[node];
    }

    /** The function a node defines, -1 for a file's scope. */
    public int name(int node) {
        return nodeName[node];
    }

    /** The identifiers a node mentions, sorted. */
    public int[] mentions(int node) {
        return nodeMentions[node];
    }

    /** Whether a node mentions {@code symbol}. */
    public boolean mentions(int node, int symbol) {
        return Arrays.binarySearch(nodeMentions[node], symbol) >= 0;
    }

    /** The nodes that define a function called {@code symbol}. */
    public int[] definers(int symbol) {
        return definers.get(symbol);
    }

    /** The nodes that mention {@code symbol}. */
    public int[] mentioners(int symbol) {
        return mentioners.get(symbol);
    }

    /** The functions bound to a member called {@code symbol} anywhere. */
    public int[] boundTo(int symbol) {
        return boundTo.get(symbol);
    }

    /** The sources that bind function {@code symbol} to some member. */
    public int[] binders(int symbol) {
        return binders.get(symbol);
    }

    /** The members function {@code symbol} is bound to anywhere (calls through them may reach it). */
    public int[] membersOf(int symbol) {
        return membersOf.get(symbol);
    }

    /** Compressed rows: for each symbol, the ints stored for it. */
    static final class Csr {
        private static final int[] NONE = new int[0];
        private final int[] start;
        private final int[] values;

        private Csr(int[] start, int[] values) {
            this.start = start;
            this.values = values;
        }

        int[] get(int symbol) {
            if (symbol < 0 || symbol + 1 >= start.length || start[symbol] == start[symbol + 1]) {
                return NONE;
            }
            return Arrays.copyOfRange(values, start[symbol], start[symbol + 1]);
        }

        static final class Builder {
            private final int[] start;
            private int[] fill;
            private int[] values;

            Builder(int symbols) {
                start = new int[symbols + 1];
            }

            void count(int symbol) {
                start[symbol + 1]++;
            }

            void allocate() {
                for (int k = 1; k < start.length; k++) {
                    start[k] += start[k - 1];
                }
                fill = Arrays.copyOf(start, start.length);
                values = new int[start[start.length - 1]];
            }

            void put(int symbol, int value) {
                values[fill[symbol]++] = value;
            }

            Csr build() {
                return new Csr(start, values);
            }
        }
    }
}
