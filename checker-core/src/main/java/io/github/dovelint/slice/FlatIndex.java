package io.github.dovelint.slice;

import io.github.dovelint.slice.FileScanner.IntList;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A lexical index laid out flat in one buffer, exactly as {@link IndexStore}
 * keeps it: the symbols (their names, and an open-addressing table to find a
 * name), the sources (path, hash, digest, how their quoted includes resolved),
 * the nodes and what each mentions, the member bindings, and the compressed
 * rows that say who defines, mentions or binds each symbol. A cold run builds
 * it in memory; a later run reads the stored file as it is and looks up only what the
 * slicer asks for, instead of decoding a few million names and rebuilding
 * the rows (seconds on a whole kernel).
 *
 * <p>Sections are arrays of ints or bytes, little-endian, each starting on a
 * multiple of four; a table after the magic and format gives their offsets
 * and lengths. Every number is checked against its bounds when the buffer is
 * opened, so a damaged file is refused, never half used.
 */
final class FlatIndex {

    static final int MAGIC = 0x444C4C58; // "DLLX"
    static final int FORMAT = 2;

    /** The sections, in file order. */
    private enum Section {
        NAME_START, NAME_BYTES, SLOTS,
        PATH_START, PATH_BYTES, HASHES, DIGESTS, FLAGS, RES_START, RES_IDS, SOURCE_NODES, SOURCE_BINDINGS,
        STR_START, STR_BYTES, RES_TABLE, HEADER_PATHS, HEADER_HASHES,
        NODE_FILE, NODE_NAME, MENTION_START, MENTIONS,
        BIND_FILE, BIND_MEMBER, BIND_FUNCTION,
        DEF_START, DEFS, REF_START, REFS, BY_MEMBER_START, BY_MEMBER, BY_FUNCTION_START, BY_FUNCTION;

        /** Whether the section holds bytes (else ints). */
        boolean bytes() {
            return this == NAME_BYTES || this == PATH_BYTES || this == HASHES || this == DIGESTS
                    || this == FLAGS || this == STR_BYTES || this == HEADER_HASHES;
        }
    }

    private static final Section[] SECTIONS = Section.values();
    private static final int HEADER_BYTES = 12 + 8 * SECTIONS.length;
    private static final int HASH = 32;
    private static final int DIGEST = 16;

    /** One source as the builder takes it. */
    record Entry(String path, byte[] hash, byte[] digest, boolean suppression, List<String[]> resolutions,
                 LexicalIndex.Nodes nodes) {
    }

    private final ByteBuffer buffer;
    private final int symbols;
    private final int sources;
    private final int nodes;
    private final int bindings;
    private final IntBuffer nameStart;
    private final IntBuffer slots;
    private final IntBuffer pathStart;
    private final IntBuffer resStart;
    private final IntBuffer resIds;
    private final IntBuffer sourceNodes;
    private final IntBuffer sourceBindings;
    private final IntBuffer strStart;
    private final IntBuffer resTable;
    private final IntBuffer headerPaths;
    private final IntBuffer nodeFile;
    private final IntBuffer nodeName;
    private final IntBuffer mentionStart;
    private final IntBuffer mentions;
    private final IntBuffer bindFile;
    private final IntBuffer bindMember;
    private final IntBuffer bindFunction;
    private final Rows definers;
    private final Rows mentioners;
    private final Rows byMember;
    private final Rows byFunction;

    private FlatIndex(ByteBuffer buffer) {
        this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.capacity() < HEADER_BYTES || buffer.getInt(0) != MAGIC || buffer.getInt(4) != FORMAT
                || buffer.getInt(8) != SECTIONS.length) {
            throw new IllegalStateException("not a lexical index of this format");
        }
        for (Section s : SECTIONS) {
            long end = (long) offset(s) + (long) length(s) * (s.bytes() ? 1 : 4);
            if (offset(s) < HEADER_BYTES || offset(s) % 4 != 0 || length(s) < 0 || end > buffer.capacity()) {
                throw new IllegalStateException("section " + s + " out of bounds");
            }
        }
        symbols = length(Section.NAME_START) - 1;
        sources = length(Section.PATH_START) - 1;
        nodes = length(Section.NODE_FILE);
        bindings = length(Section.BIND_FILE);
        nameStart = rows(Section.NAME_START);
        slots = ints(Section.SLOTS);
        pathStart = rows(Section.PATH_START);
        resStart = rows(Section.RES_START);
        resIds = ints(Section.RES_IDS);
        sourceNodes = exactly(Section.SOURCE_NODES, sources + 1);
        sourceBindings = exactly(Section.SOURCE_BINDINGS, sources + 1);
        strStart = rows(Section.STR_START);
        resTable = ints(Section.RES_TABLE);
        headerPaths = ints(Section.HEADER_PATHS);
        nodeFile = ints(Section.NODE_FILE);
        nodeName = exactly(Section.NODE_NAME, nodes);
        mentionStart = exactly(Section.MENTION_START, nodes + 1);
        mentions = ints(Section.MENTIONS);
        bindFile = ints(Section.BIND_FILE);
        bindMember = exactly(Section.BIND_MEMBER, bindings);
        bindFunction = exactly(Section.BIND_FUNCTION, bindings);
        definers = new Rows(exactly(Section.DEF_START, symbols + 1), ints(Section.DEFS));
        mentioners = new Rows(exactly(Section.REF_START, symbols + 1), ints(Section.REFS));
        byMember = new Rows(exactly(Section.BY_MEMBER_START, symbols + 1), ints(Section.BY_MEMBER));
        byFunction = new Rows(exactly(Section.BY_FUNCTION_START, symbols + 1), ints(Section.BY_FUNCTION));
        validate();
    }

    // --- reading --------------------------------------------------------------------------------

    /** Opens a laid-out index (a stored one, read): every section checked against its bounds. */
    static FlatIndex open(ByteBuffer buffer) {
        return new FlatIndex(buffer);
    }

    /** The laid-out bytes, from position 0 (what {@link IndexStore} writes). */
    ByteBuffer layout() {
        return buffer.duplicate().clear();
    }

    private int offset(Section s) {
        return buffer.getInt(12 + 8 * s.ordinal());
    }

    private int length(Section s) {
        return buffer.getInt(16 + 8 * s.ordinal());
    }

    private IntBuffer ints(Section s) {
        return buffer.slice(offset(s), length(s) * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }

    private IntBuffer exactly(Section s, int length) {
        if (length(s) != length) {
            throw new IllegalStateException("section " + s + " has " + length(s) + " entries, not " + length);
        }
        return ints(s);
    }

    /** A start array (checked by {@link #validate}): at least one entry. */
    private IntBuffer rows(Section start) {
        IntBuffer b = ints(start);
        if (b.limit() < 1) {
            throw new IllegalStateException("section " + start + " is empty");
        }
        return b;
    }

    private void validate() {
        starts(nameStart, length(Section.NAME_BYTES));
        starts(pathStart, length(Section.PATH_BYTES));
        starts(resStart, resIds.limit());
        starts(sourceNodes, nodes);
        starts(sourceBindings, bindings);
        starts(strStart, length(Section.STR_BYTES));
        starts(mentionStart, mentions.limit());
        int strings = strStart.limit() - 1;
        int resolutions = resTable.limit() / 3;
        if (resTable.limit() % 3 != 0 || length(Section.HASHES) != sources * HASH
                || length(Section.DIGESTS) != sources * DIGEST || length(Section.FLAGS) != sources
                || length(Section.HEADER_HASHES) != headerPaths.limit() * HASH
                || Integer.bitCount(slots.limit()) != 1 || slots.limit() < symbols) {
            throw new IllegalStateException("inconsistent section sizes");
        }
        within(slots, 0, symbols + 1);
        within(resIds, 0, resolutions);
        within(resTable, 0, strings);
        within(headerPaths, 0, strings);
        within(nodeFile, 0, sources);
        within(nodeName, -1, symbols);
        within(mentions, 0, symbols);
        within(bindFile, 0, sources);
        within(bindMember, 0, symbols);
        within(bindFunction, 0, symbols);
        for (Rows r : List.of(definers, mentioners)) {
            starts(r.start, r.values.limit());
            within(r.values, 0, nodes);
        }
        for (Rows r : List.of(byMember, byFunction)) {
            starts(r.start, r.values.limit());
            within(r.values, 0, bindings);
        }
    }

    private static void starts(IntBuffer start, int end) {
        int last = 0;
        for (int k = 0; k < start.limit(); k++) {
            int v = start.get(k);
            if (v < last || k == 0 && v != 0) {
                throw new IllegalStateException("bad row start");
            }
            last = v;
        }
        if (last != end) {
            throw new IllegalStateException("rows end at " + last + ", not " + end);
        }
    }

    private static void within(IntBuffer b, int lo, int hi) {
        for (int k = 0; k < b.limit(); k++) {
            int v = b.get(k);
            if (v < lo || v >= hi) {
                throw new IllegalStateException("value " + v + " out of [" + lo + ", " + hi + ")");
            }
        }
    }

    private String string(Section s, int from, int to, java.nio.charset.Charset cs) {
        byte[] b = new byte[to - from];
        buffer.get(offset(s) + from, b);
        return new String(b, cs);
    }

    private byte[] bytes(Section s, int from, int n) {
        byte[] b = new byte[n];
        buffer.get(offset(s) + from, b);
        return b;
    }

    // --- symbols --------------------------------------------------------------------------------

    int symbols() {
        return symbols;
    }

    String name(int symbol) {
        return string(Section.NAME_BYTES, nameStart.get(symbol), nameStart.get(symbol + 1), StandardCharsets.ISO_8859_1);
    }

    /** The number of {@code name}, or -1. */
    int find(String name) {
        int mask = slots.limit() - 1;
        // at most one lap: a damaged table with no free slot must not loop for ever
        for (int probe = 0, slot = mix(name.hashCode()) & mask; probe <= mask; probe++, slot = (slot + 1) & mask) {
            int e = slots.get(slot);
            if (e == 0) {
                return -1;
            }
            if (spells(e - 1, "", name)) {
                return e - 1;
            }
        }
        return -1;
    }

    /** Whether a symbol's name is {@code prefix + rest} exactly (rest "": the whole name is prefix). */
    private boolean spells(int symbol, String prefix, String rest) {
        int from = nameStart.get(symbol);
        int len = nameStart.get(symbol + 1) - from;
        return len == prefix.length() + rest.length() && starts(symbol, prefix) && ends(symbol, rest);
    }

    /** Whether a symbol's name starts with {@code prefix}. */
    boolean starts(int symbol, String prefix) {
        int from = nameStart.get(symbol);
        if (nameStart.get(symbol + 1) - from < prefix.length()) {
            return false;
        }
        int base = offset(Section.NAME_BYTES) + from;
        for (int k = 0; k < prefix.length(); k++) {
            if ((buffer.get(base + k) & 0xff) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a symbol's name ends with {@code suffix}. */
    boolean ends(int symbol, String suffix) {
        int to = nameStart.get(symbol + 1);
        if (to - nameStart.get(symbol) < suffix.length()) {
            return false;
        }
        int base = offset(Section.NAME_BYTES) + to - suffix.length();
        for (int k = 0; k < suffix.length(); k++) {
            if ((buffer.get(base + k) & 0xff) != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The length of a symbol's name. */
    int nameLength(int symbol) {
        return nameStart.get(symbol + 1) - nameStart.get(symbol);
    }

    static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    // --- sources --------------------------------------------------------------------------------

    int sources() {
        return sources;
    }

    String path(int source) {
        return string(Section.PATH_BYTES, pathStart.get(source), pathStart.get(source + 1), StandardCharsets.UTF_8);
    }

    byte[] hash(int source) {
        return bytes(Section.HASHES, source * HASH, HASH);
    }

    /** Whether a source's hash is {@code hash}, without copying it. */
    boolean hashIs(int source, byte[] hash) {
        int base = offset(Section.HASHES) + source * HASH;
        for (int k = 0; k < HASH; k++) {
            if (buffer.get(base + k) != hash[k]) {
                return false;
            }
        }
        return true;
    }

    byte[] digest(int source) {
        return bytes(Section.DIGESTS, source * DIGEST, DIGEST);
    }

    boolean suppression(int source) {
        return buffer.get(offset(Section.FLAGS) + source) != 0;
    }

    /** The resolutions (numbers for {@link #resolution}) of a source's quoted includes. */
    int[] resolutions(int source) {
        return slice(resIds, resStart.get(source), resStart.get(source + 1));
    }

    int resolutionCount() {
        return resTable.limit() / 3;
    }

    /** A resolution: {@code directory, name, path or ""}. */
    String[] resolution(int r) {
        return new String[] {str(resTable.get(3 * r)), str(resTable.get(3 * r + 1)), str(resTable.get(3 * r + 2))};
    }

    private String str(int s) {
        return string(Section.STR_BYTES, strStart.get(s), strStart.get(s + 1), StandardCharsets.UTF_8);
    }

    /** Every header read, by path, with the hash it had. */
    SortedMap<String, byte[]> headers() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (int h = 0; h < headerPaths.limit(); h++) {
            out.put(str(headerPaths.get(h)), bytes(Section.HEADER_HASHES, h * HASH, HASH));
        }
        return out;
    }

    /** A source's nodes and bindings, decoded (to build a new index from this one). */
    LexicalIndex.Nodes nodesOf(int source) {
        int from = sourceNodes.get(source);
        int to = sourceNodes.get(source + 1);
        int[] names = new int[to - from];
        int[][] ms = new int[to - from][];
        for (int n = from; n < to; n++) {
            names[n - from] = nodeName.get(n);
            ms[n - from] = mentions(n);
        }
        int bFrom = sourceBindings.get(source);
        long[] bs = new long[sourceBindings.get(source + 1) - bFrom];
        for (int b = 0; b < bs.length; b++) {
            bs[b] = (long) bindMember.get(bFrom + b) << 32 | bindFunction.get(bFrom + b) & 0xffffffffL;
        }
        return new LexicalIndex.Nodes(names, ms, bs);
    }

    // --- nodes and rows -------------------------------------------------------------------------

    int nodes() {
        return nodes;
    }

    int nodeFile(int node) {
        return nodeFile.get(node);
    }

    int nodeName(int node) {
        return nodeName.get(node);
    }

    int[] mentions(int node) {
        return slice(mentions, mentionStart.get(node), mentionStart.get(node + 1));
    }

    /** Whether a node mentions {@code symbol} (its mentions are sorted). */
    boolean mentions(int node, int symbol) {
        int lo = mentionStart.get(node);
        int hi = mentionStart.get(node + 1) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = mentions.get(mid);
            if (v < symbol) {
                lo = mid + 1;
            } else if (v > symbol) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    int bindFile(int binding) {
        return bindFile.get(binding);
    }

    int bindMember(int binding) {
        return bindMember.get(binding);
    }

    int bindFunction(int binding) {
        return bindFunction.get(binding);
    }

    /** The nodes defining {@code symbol}. */
    int[] definers(int symbol) {
        return definers.get(symbol, symbols);
    }

    /** The nodes mentioning {@code symbol}. */
    int[] mentioners(int symbol) {
        return mentioners.get(symbol, symbols);
    }

    /** The bindings to a member named {@code symbol}. */
    int[] bindingsOfMember(int symbol) {
        return byMember.get(symbol, symbols);
    }

    /** The bindings of function {@code symbol}. */
    int[] bindingsOfFunction(int symbol) {
        return byFunction.get(symbol, symbols);
    }

    private static int[] slice(IntBuffer b, int from, int to) {
        int[] out = new int[to - from];
        b.get(from, out);
        return out;
    }

    /** Compressed rows: for each symbol, the ints stored for it. */
    private record Rows(IntBuffer start, IntBuffer values) {
        int[] get(int symbol, int symbols) {
            if (symbol < 0 || symbol >= symbols) {
                return new int[0];
            }
            return slice(values, start.get(symbol), start.get(symbol + 1));
        }
    }

    // --- building -------------------------------------------------------------------------------

    /**
     * Lays out an index.
     *
     * @param names   every symbol's name, by number
     * @param entries the sources, each with its nodes
     * @param headers every header read, by path, with its hash
     */
    static FlatIndex build(String[] names, List<Entry> entries, SortedMap<String, byte[]> headers) {
        Map<Section, Object> s = new java.util.EnumMap<>(Section.class);
        Blob nameBlob = new Blob();
        for (String n : names) {
            nameBlob.add(n.getBytes(StandardCharsets.ISO_8859_1));
        }
        s.put(Section.NAME_START, nameBlob.starts());
        s.put(Section.NAME_BYTES, nameBlob.bytes());
        int cap = Math.max(16, Integer.highestOneBit(Math.max(1, names.length) * 2) * 2);
        int[] slots = new int[cap];
        for (int id = 0; id < names.length; id++) {
            int slot = mix(names[id].hashCode()) & (cap - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (cap - 1);
            }
            slots[slot] = id + 1;
        }
        s.put(Section.SLOTS, slots);

        int count = entries.size();
        Blob paths = new Blob();
        byte[] hashes = new byte[count * HASH];
        byte[] digests = new byte[count * DIGEST];
        byte[] flags = new byte[count];
        Blob strings = new Blob();
        Map<String, Integer> stringIds = new HashMap<>();
        Map<String, Integer> resolutionIds = new HashMap<>();
        IntList resTable = new IntList();
        IntList resStart = new IntList();
        IntList resIds = new IntList();
        IntList sourceNodes = new IntList();
        IntList sourceBindings = new IntList();
        IntList nodeFile = new IntList();
        IntList nodeName = new IntList();
        IntList mentionStart = new IntList();
        IntList mentionValues = new IntList();
        IntList bindFile = new IntList();
        IntList bindMember = new IntList();
        IntList bindFunction = new IntList();
        resStart.add(0);
        sourceNodes.add(0);
        sourceBindings.add(0);
        mentionStart.add(0);
        for (int j = 0; j < count; j++) {
            Entry e = entries.get(j);
            paths.add(e.path().getBytes(StandardCharsets.UTF_8));
            System.arraycopy(e.hash(), 0, hashes, j * HASH, HASH);
            System.arraycopy(e.digest(), 0, digests, j * DIGEST, DIGEST);
            flags[j] = (byte) (e.suppression() ? 1 : 0);
            for (String[] r : e.resolutions()) {
                String k = r[0] + '\u0000' + r[1] + '\u0000' + r[2];
                Integer id = resolutionIds.get(k);
                if (id == null) {
                    id = resolutionIds.size();
                    resolutionIds.put(k, id);
                    for (String part : r) {
                        resTable.add(stringId(part, strings, stringIds));
                    }
                }
                resIds.add(id);
            }
            resStart.add(resIds.size());
            LexicalIndex.Nodes nodes = e.nodes();
            for (int d = 0; d < nodes.names().length; d++) {
                nodeFile.add(j);
                nodeName.add(nodes.names()[d]);
                for (int m : nodes.mentions()[d]) {
                    mentionValues.add(m);
                }
                mentionStart.add(mentionValues.size());
            }
            sourceNodes.add(nodeFile.size());
            for (long b : nodes.bindings()) {
                bindFile.add(j);
                bindMember.add(FileIndex.member(b));
                bindFunction.add(FileIndex.function(b));
            }
            sourceBindings.add(bindFile.size());
        }
        IntList headerPaths = new IntList();
        byte[] headerHashes = new byte[headers.size() * HASH];
        int h = 0;
        for (Map.Entry<String, byte[]> e : headers.entrySet()) {
            headerPaths.add(stringId(e.getKey(), strings, stringIds));
            System.arraycopy(e.getValue(), 0, headerHashes, h++ * HASH, HASH);
        }
        s.put(Section.PATH_START, paths.starts());
        s.put(Section.PATH_BYTES, paths.bytes());
        s.put(Section.HASHES, hashes);
        s.put(Section.DIGESTS, digests);
        s.put(Section.FLAGS, flags);
        s.put(Section.RES_START, resStart.toArray());
        s.put(Section.RES_IDS, resIds.toArray());
        s.put(Section.SOURCE_NODES, sourceNodes.toArray());
        s.put(Section.SOURCE_BINDINGS, sourceBindings.toArray());
        s.put(Section.STR_START, strings.starts());
        s.put(Section.STR_BYTES, strings.bytes());
        s.put(Section.RES_TABLE, resTable.toArray());
        s.put(Section.HEADER_PATHS, headerPaths.toArray());
        s.put(Section.HEADER_HASHES, headerHashes);
        int[] names2 = nodeName.toArray();
        int[] mStart = mentionStart.toArray();
        int[] mValues = mentionValues.toArray();
        int[] bMember = bindMember.toArray();
        int[] bFunction = bindFunction.toArray();
        s.put(Section.NODE_FILE, nodeFile.toArray());
        s.put(Section.NODE_NAME, names2);
        s.put(Section.MENTION_START, mStart);
        s.put(Section.MENTIONS, mValues);
        s.put(Section.BIND_FILE, bindFile.toArray());
        s.put(Section.BIND_MEMBER, bMember);
        s.put(Section.BIND_FUNCTION, bFunction);
        int symbols = names.length;
        // definers: node -> its name; mentioners: node -> each mention; bindings by member and by function
        int[][] defs = invert(symbols, names2.length, n -> names2[n] < 0 ? 0 : 1, (n, k) -> names2[n]);
        int[][] refs = invert(symbols, names2.length, n -> mStart[n + 1] - mStart[n], (n, k) -> mValues[mStart[n] + k]);
        int[][] members = invert(symbols, bMember.length, b -> 1, (b, k) -> bMember[b]);
        int[][] functions = invert(symbols, bFunction.length, b -> 1, (b, k) -> bFunction[b]);
        s.put(Section.DEF_START, defs[0]);
        s.put(Section.DEFS, defs[1]);
        s.put(Section.REF_START, refs[0]);
        s.put(Section.REFS, refs[1]);
        s.put(Section.BY_MEMBER_START, members[0]);
        s.put(Section.BY_MEMBER, members[1]);
        s.put(Section.BY_FUNCTION_START, functions[0]);
        s.put(Section.BY_FUNCTION, functions[1]);
        return new FlatIndex(layout(s));
    }

    private static int stringId(String s, Blob strings, Map<String, Integer> ids) {
        Integer id = ids.get(s);
        if (id == null) {
            id = ids.size();
            ids.put(s, id);
            strings.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return id;
    }

    /**
     * Compressed rows from items to symbols: item {@code i} has {@code count(i)} symbols,
     * the k-th being {@code symbol(i, k)}; row {@code s} lists the items with symbol {@code s},
     * in increasing order. Returns {start, values}.
     */
    private static int[][] invert(int symbols, int items, java.util.function.IntUnaryOperator count,
                                  java.util.function.IntBinaryOperator symbol) {
        int[] start = new int[symbols + 1];
        for (int i = 0; i < items; i++) {
            for (int k = count.applyAsInt(i) - 1; k >= 0; k--) {
                start[symbol.applyAsInt(i, k) + 1]++;
            }
        }
        for (int s = 0; s < symbols; s++) {
            start[s + 1] += start[s];
        }
        int[] fill = java.util.Arrays.copyOf(start, symbols);
        int[] values = new int[start[symbols]];
        for (int i = 0; i < items; i++) {
            int n = count.applyAsInt(i);
            for (int k = 0; k < n; k++) {
                values[fill[symbol.applyAsInt(i, k)]++] = i;
            }
        }
        return new int[][] {start, values};
    }

    private static ByteBuffer layout(Map<Section, Object> sections) {
        long size = HEADER_BYTES;
        for (Section s : SECTIONS) {
            size += (sizeOf(sections.get(s)) + 3) & ~3L;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("the lexical index would take " + size + " bytes, more than 2 GiB");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(FORMAT).putInt(SECTIONS.length);
        int at = HEADER_BYTES;
        for (Section s : SECTIONS) {
            Object v = sections.get(s);
            out.putInt(12 + 8 * s.ordinal(), at);
            if (v instanceof byte[] b) {
                out.putInt(16 + 8 * s.ordinal(), b.length);
                out.put(at, b);
            } else {
                int[] a = (int[]) v;
                out.putInt(16 + 8 * s.ordinal(), a.length);
                out.slice(at, a.length * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(a);
            }
            at += (int) ((sizeOf(v) + 3) & ~3L);
        }
        return out;
    }

    private static long sizeOf(Object v) {
        return v instanceof byte[] b ? b.length : 4L * ((int[]) v).length;
    }

    /** Byte strings end to end, with their starts. */
    private static final class Blob {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final IntList starts = new IntList();

        Blob() {
            starts.add(0);
        }

        void add(byte[] b) {
            bytes.writeBytes(b);
            starts.add(bytes.size());
        }

        int[] starts() {
            return starts.toArray();
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** The entries of every source, decoded: to build a new index from this one and some sources scanned again. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>(sources);
        for (int j = 0; j < sources; j++) {
            List<String[]> res = new ArrayList<>();
            for (int r : resolutions(j)) {
                res.add(resolution(r));
            }
            out.add(new Entry(path(j), hash(j), digest(j), suppression(j), res, nodesOf(j)));
        }
        return out;
    }
}
