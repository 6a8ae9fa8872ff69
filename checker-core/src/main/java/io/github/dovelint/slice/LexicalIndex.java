package io.github.dovelint.slice;

import io.github.dovelint.cache.FileHashes;
import io.github.dovelint.files.SourceOverlay;
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
import java.util.SortedMap;
import java.util.TreeMap;
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
 * <p>Held as a {@link FlatIndex} (built now, or the stored one of an earlier
 * run) plus the sources scanned since: those that changed, appeared, or that
 * the stored one lacks. Their nodes come after the flat index's, whose nodes
 * of sources now gone or scanned again are left out of every answer. When
 * more than {@link #rebuildsAfter} sources were scanned again, the whole index
 * is laid out anew (and is worth storing again: {@link #rebuilt()}).
 *
 * <p>Built on {@code threads} threads; immutable once built.
 */
public final class LexicalIndex {

    private static final int[] NONE = new int[0];

    private final Symbols symbols;
    private final FlatIndex base;
    private final int baseNodes;
    /** Per source of the flat index: the source of this index it is, or -1 (gone, or scanned again). */
    private final int[] currentOf;
    private final boolean allCurrent;
    private final int sources;
    /** Sources that could not be read or that hold NUL bytes: the parser reports them. */
    private final boolean[] unreadable;
    /** Per source: its index's digest, the SHA-256 of its bytes (when asked for), whether it has a suppression. */
    private final byte[][] digests;
    private final byte[][] hashes;
    private final boolean[] suppressions;
    // The nodes of the sources scanned after the flat index was laid out, numbered after its nodes.
    private final int[] extraFile;
    private final int[] extraName;
    private final int[][] extraMentions;
    private final Map<Integer, int[]> extraDefiners;
    private final Map<Integer, int[]> extraMentioners;
    private final Map<Integer, int[]> extraBoundTo;
    private final Map<Integer, int[]> extraBinders;
    private final Map<Integer, int[]> extraMembersOf;
    /** Every header read, by absolute path, with its hash: a change there may change the index. */
    private final SortedMap<String, byte[]> headerHashes;
    private final int fresh;
    private final boolean rebuilt;

    private LexicalIndex(FlatIndex base, int[] currentOf, Scan scan, List<Integer> extra, boolean rebuilt,
                         SortedMap<String, byte[]> headerHashes) {
        this.base = base;
        this.symbols = scan.symbols;
        this.baseNodes = base.nodes();
        this.currentOf = currentOf;
        this.allCurrent = Arrays.stream(currentOf).allMatch(k -> k >= 0);
        this.sources = scan.digests.length;
        this.unreadable = scan.unreadable;
        this.digests = scan.digests;
        this.hashes = scan.hashes;
        this.suppressions = scan.suppressions;
        this.fresh = scan.fresh.get();
        this.rebuilt = rebuilt;
        this.headerHashes = headerHashes;
        List<Integer> file = new ArrayList<>();
        List<Integer> name = new ArrayList<>();
        List<int[]> mentions = new ArrayList<>();
        Map<Integer, List<Integer>> defs = new HashMap<>();
        Map<Integer, List<Integer>> refs = new HashMap<>();
        Map<Integer, List<Integer>> bound = new HashMap<>();
        Map<Integer, List<Integer>> binders = new HashMap<>();
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int k : extra) {
            Nodes own = scan.nodes[k];
            for (int d = 0; d < own.names.length; d++) {
                int node = baseNodes + file.size();
                file.add(k);
                name.add(own.names[d]);
                mentions.add(own.mentions[d]);
                if (own.names[d] >= 0) {
                    defs.computeIfAbsent(own.names[d], x -> new ArrayList<>()).add(node);
                }
                for (int m : own.mentions[d]) {
                    refs.computeIfAbsent(m, x -> new ArrayList<>()).add(node);
                }
            }
            for (long b : own.bindings) {
                bound.computeIfAbsent(FileIndex.member(b), x -> new ArrayList<>()).add(FileIndex.function(b));
                binders.computeIfAbsent(FileIndex.function(b), x -> new ArrayList<>()).add(k);
                members.computeIfAbsent(FileIndex.function(b), x -> new ArrayList<>()).add(FileIndex.member(b));
            }
        }
        this.extraFile = file.stream().mapToInt(Integer::intValue).toArray();
        this.extraName = name.stream().mapToInt(Integer::intValue).toArray();
        this.extraMentions = mentions.toArray(new int[0][]);
        this.extraDefiners = rows(defs);
        this.extraMentioners = rows(refs);
        this.extraBoundTo = rows(bound);
        this.extraBinders = rows(binders);
        this.extraMembersOf = rows(members);
    }

    private static Map<Integer, int[]> rows(Map<Integer, List<Integer>> lists) {
        Map<Integer, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** What the scanning threads fill in, per source. */
    static final class Scan {
        Symbols symbols;
        final byte[][] digests;
        final byte[][] hashes;
        final boolean[] suppressions;
        final boolean[] unreadable;
        /** Per source scanned: each quoted include followed, as {@code directory, name, resolved path or ""}. */
        final List<List<String[]>> resolutions;
        /** Per source scanned (null for those the flat index serves): its nodes. */
        final Nodes[] nodes;
        final Map<Path, Optional<FileIndex>> headers = new ConcurrentHashMap<>();
        final Map<Path, byte[]> headerHashes = new ConcurrentHashMap<>();
        /** How many sources were scanned rather than taken from a stored index. */
        final AtomicInteger fresh = new AtomicInteger();

        /** Where the headers are read through. */
        final FileHashes files;

        Scan(Symbols symbols, int count, FileHashes files) {
            this.symbols = symbols;
            this.files = files;
            digests = new byte[count][];
            hashes = new byte[count][];
            suppressions = new boolean[count];
            unreadable = new boolean[count];
            resolutions = new ArrayList<>(java.util.Collections.nCopies(count, List.of()));
            nodes = new Nodes[count];
        }
    }

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
     * How many sources scanned again make the index worth laying out anew, out of {@code sources}:
     * below that, a run is faster reading the old layout and scanning those again.
     */
    static int rebuildsAfter(int sources) {
        return Math.max(64, sources / 100);
    }

    /**
     * Scans {@code sources}, taking from {@code previous} (the index of an earlier run, or null)
     * each source whose bytes hash the same and whose includes resolve to the same headers,
     * when none of the headers it read changed.
     *
     * @param oracle where the hashes of files are taken from, to compare with {@code previous}
     *               (null: read them)
     */
    public static LexicalIndex build(List<Path> sources, List<Path> includeDirs, int threads, boolean hashes,
                                     IndexStore.Stored previous, FileHashes oracle) {
        FileHashes files = oracle != null ? oracle : FileHashes.inMemory();
        FlatIndex old = previous == null ? null : previous.flat();
        SortedMap<String, byte[]> oldHeaders = old == null ? null : old.headers();
        if (old != null && !unchanged(oldHeaders, files)) {
            old = null;
        }
        FlatIndex base = old;
        int count = sources.size();
        Scan scan = new Scan(base == null ? new Symbols() : Symbols.over(base), count, files);
        int[] baseOf = match(sources, base);
        byte[] resolves = base == null ? null : new byte[base.resolutionCount()];
        AtomicInteger next = new AtomicInteger();
        int n = Math.max(1, Math.min(threads, count));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> Daemons.thread("dovelint-lexical", 4L << 20, r));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                done.add(pool.submit(() -> {
                    FileScanner scanner = new FileScanner(scan.symbols);
                    for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                        Path source = sources.get(k);
                        int j = baseOf[k];
                        if (j >= 0) {
                            byte[] known = files.hash(source).orElse(null);
                            if (known != null && base.hashIs(j, known)
                                    && stillResolves(base, j, includeDirs, resolves)) {
                                scan.hashes[k] = known;
                                scan.digests[k] = base.digest(j);
                                scan.suppressions[k] = base.suppression(j);
                                continue;
                            }
                        }
                        scanAfresh(k, source, scanner, scan, includeDirs, hashes, oracle);
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
        SortedMap<String, byte[]> headers = new TreeMap<>();
        if (oldHeaders != null && base != null) {
            headers.putAll(oldHeaders);
        }
        scan.headerHashes.forEach((p, h) -> headers.putIfAbsent(p.toString(), h));
        List<Integer> scanned = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (scan.nodes[k] != null) {
                scanned.add(k);
            }
        }
        if (base != null && scanned.size() <= rebuildsAfter(count)) {
            int[] currentOf = new int[base.sources()];
            Arrays.fill(currentOf, -1);
            for (int k = 0; k < count; k++) {
                if (baseOf[k] >= 0 && scan.nodes[k] == null && !scan.unreadable[k]) {
                    currentOf[baseOf[k]] = k;
                }
            }
            return new LexicalIndex(base, currentOf, scan, scanned, false, headers);
        }
        // Laid out anew: every source with nodes, from the old layout or scanned now, in order.
        List<FlatIndex.Entry> entries = new ArrayList<>();
        List<Integer> entryOf = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            FlatIndex.Entry e = scan.nodes[k] != null
                    ? new FlatIndex.Entry(sources.get(k).toString(),
                            scan.hashes[k] != null ? scan.hashes[k] : new byte[32], scan.digests[k],
                            scan.suppressions[k], scan.resolutions.get(k), scan.nodes[k])
                    : baseOf[k] >= 0 && !scan.unreadable[k] ? entryOf(base, baseOf[k]) : null;
            if (e != null) {
                entries.add(e);
                entryOf.add(k);
            }
        }
        FlatIndex laid = FlatIndex.build(scan.symbols.names(), entries, headers);
        scan.symbols = Symbols.over(laid); // the same numbers, found in the layout
        return new LexicalIndex(laid, entryOf.stream().mapToInt(Integer::intValue).toArray(), scan, List.of(),
                true, headers);
    }

    private static FlatIndex.Entry entryOf(FlatIndex base, int j) {
        List<String[]> res = new ArrayList<>();
        for (int r : base.resolutions(j)) {
            res.add(base.resolution(r));
        }
        return new FlatIndex.Entry(base.path(j), base.hash(j), base.digest(j), base.suppression(j), res,
                base.nodesOf(j));
    }

    /** Per source, the source of {@code base} with its path, or -1. */
    private static int[] match(List<Path> sources, FlatIndex base) {
        int[] out = new int[sources.size()];
        Arrays.fill(out, -1);
        if (base == null) {
            return out;
        }
        Map<String, Integer> byPath = new HashMap<>();
        for (int j = 0; j < base.sources(); j++) {
            byPath.put(base.path(j), j);
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = byPath.getOrDefault(sources.get(k).toString(), -1);
        }
        return out;
    }

    /** A path as stored, or null when it names no path here (a damaged store, another system). */
    private static Path path(String stored) {
        try {
            return Path.of(stored);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Whether every header read then hashes the same now. */
    private static boolean unchanged(SortedMap<String, byte[]> headers, FileHashes files) {
        for (Map.Entry<String, byte[]> h : headers.entrySet()) {
            Path header = path(h.getKey());
            Optional<byte[]> now = header == null ? Optional.empty() : files.hash(header);
            if (now.isEmpty() || !Arrays.equals(now.get(), h.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every include of a stored source resolves now as it did; {@code memo} keeps the
     * answer per resolution (0 not known yet, 1 same, 2 changed), as many sources share them.
     */
    private static boolean stillResolves(FlatIndex base, int source, List<Path> includeDirs, byte[] memo) {
        for (int r : base.resolutions(source)) {
            byte known = memo[r];
            if (known == 0) {
                String[] res = base.resolution(r);
                Path dir = path(res[0]);
                Path now = dir == null ? null : resolveFrom(dir, res[1], includeDirs);
                known = dir != null && (now == null ? "" : now.toString()).equals(res[2]) ? (byte) 1 : (byte) 2;
                memo[r] = known;
            }
            if (known == 2) {
                return false;
            }
        }
        return true;
    }

    /** Scans a source; with an {@code oracle}, read through it, which keeps its hash for the next run. */
    private static void scanAfresh(int k, Path source, FileScanner scanner, Scan scan, List<Path> includeDirs,
                                   boolean hashes, FileHashes oracle) {
        scan.fresh.incrementAndGet();
        byte[] bytes;
        if (oracle != null) {
            FileHashes.Content content = oracle.content(source).orElse(null);
            bytes = content == null ? null : content.bytes();
            scan.hashes[k] = content == null ? null : content.hash();
        } else {
            bytes = bytes(source);
            scan.hashes[k] = bytes != null && hashes ? FileHashes.sha256(bytes) : null;
        }
        Optional<FileIndex> index = bytes == null ? Optional.empty() : index(scanner, bytes);
        if (index.isEmpty()) {
            scan.unreadable[k] = true;
            return;
        }
        scan.digests[k] = index.get().digest();
        scan.suppressions[k] = FileHashes.holdsMarker(bytes);
        List<String[]> resolved = new ArrayList<>();
        List<FileIndex> inc = headersOf(scanner, source, index.get(), includeDirs, scan, resolved);
        scan.resolutions.set(k, resolved);
        scan.nodes[k] = nodesOf(index.get(), inc);
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

    /** As {@link #scanOne(Path)}, of the overlay's text where it covers the file. */
    public static Optional<FileIndex> scanOne(Path file, SourceOverlay overlay) {
        if (!overlay.covers(file)) {
            return scanOne(file);
        }
        byte[] bytes = overlay.text(file).orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return index(new FileScanner(new Symbols()), bytes);
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
                    // through the run's hashes: the fact cache and the suppression pass need not read it again
                    FileHashes.Content content = scan.files.content(h).orElse(null);
                    hi = content == null ? Optional.empty() : index(scanner, content.bytes());
                    if (content != null) {
                        scan.headerHashes.putIfAbsent(h, content.hash());
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
        return fresh;
    }

    /** Whether the index was laid out anew in this run (none stored, or many sources scanned again). */
    public boolean rebuilt() {
        return rebuilt;
    }

    /** The layout of the index, when {@link #rebuilt()} (what {@link IndexStore} writes). */
    FlatIndex layout() {
        if (!rebuilt) {
            throw new IllegalStateException("the stored layout is still the one to keep");
        }
        return base;
    }

    /** Every quoted header the index read. */
    public java.util.SortedSet<Path> headers() {
        java.util.SortedSet<Path> out = new java.util.TreeSet<>();
        headerHashes.keySet().forEach(h -> out.add(Path.of(h)));
        return out;
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

    /** The number of nodes; a node of a source scanned again is still numbered, in no answer, of no file. */
    public int nodes() {
        return baseNodes + extraFile.length;
    }

    /** The source a node belongs to; -1 for a stored node superseded (in no answer). */
    public int file(int node) {
        return node < baseNodes ? currentOf[base.nodeFile(node)] : extraFile[node - baseNodes];
    }

    /** The function a node defines, -1 for a file's scope. */
    public int name(int node) {
        return node < baseNodes ? base.nodeName(node) : extraName[node - baseNodes];
    }

    /** The identifiers a node mentions, sorted. */
    public int[] mentions(int node) {
        return node < baseNodes ? base.mentions(node) : extraMentions[node - baseNodes];
    }

    /** Whether a node mentions {@code symbol}. */
    public boolean mentions(int node, int symbol) {
        return node < baseNodes ? base.mentions(node, symbol)
                : Arrays.binarySearch(extraMentions[node - baseNodes], symbol) >= 0;
    }

    /** The nodes that define a function called {@code symbol}. */
    public int[] definers(int symbol) {
        return plus(current(base.definers(symbol)), extraDefiners.get(symbol));
    }

    /** The nodes that mention {@code symbol}. */
    public int[] mentioners(int symbol) {
        return plus(current(base.mentioners(symbol)), extraMentioners.get(symbol));
    }

    /** The functions bound to a member called {@code symbol} anywhere. */
    public int[] boundTo(int symbol) {
        return plus(bindings(base.bindingsOfMember(symbol), Part.FUNCTION), extraBoundTo.get(symbol));
    }

    /** The sources that bind function {@code symbol} to some member. */
    public int[] binders(int symbol) {
        return plus(bindings(base.bindingsOfFunction(symbol), Part.FILE), extraBinders.get(symbol));
    }

    /** The members function {@code symbol} is bound to anywhere (calls through them may reach it). */
    public int[] membersOf(int symbol) {
        return plus(bindings(base.bindingsOfFunction(symbol), Part.MEMBER), extraMembersOf.get(symbol));
    }

    /** The stored nodes among {@code nodes} whose source is still as stored. */
    private int[] current(int[] nodes) {
        if (allCurrent) {
            return nodes;
        }
        int w = 0;
        for (int n : nodes) {
            if (currentOf[base.nodeFile(n)] >= 0) {
                nodes[w++] = n;
            }
        }
        return w == nodes.length ? nodes : Arrays.copyOf(nodes, w);
    }

    private enum Part { FILE, MEMBER, FUNCTION }

    /** A part of each stored binding among {@code bindings} whose source is still as stored. */
    private int[] bindings(int[] bindings, Part part) {
        int w = 0;
        for (int b : bindings) {
            int file = currentOf[base.bindFile(b)];
            if (file >= 0) {
                bindings[w++] = switch (part) {
                    case FILE -> file;
                    case MEMBER -> base.bindMember(b);
                    case FUNCTION -> base.bindFunction(b);
                };
            }
        }
        return w == bindings.length ? bindings : Arrays.copyOf(bindings, w);
    }

    private static int[] plus(int[] a, int[] b) {
        if (b == null) {
            return a.length == 0 ? NONE : a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
