package io.github.dovelint.slice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a C file's bytes that builds its {@link FileIndex}: comments,
 * string and character literals are skipped, identifiers are counted where
 * they occur (a function body, file scope, a macro's replacement), function
 * definitions are told from declarations and initializers by their shape at
 * file scope ({@code name(...) {}}, with trailing attributes such as
 * {@code __acquires(x)} allowed).
 *
 * <p>What it may miss: a definition whose braces balance only across
 * {@code #if} branches hides the definitions after it until a closing brace
 * in column 0 (where kernel style ends every function) puts the scan back at
 * file scope. Identifiers are kept only where the file spells them (a macro
 * from a header is expanded by {@link LexicalIndex}, from the headers it reads).
 *
 * <p>Not thread-safe; one scanner per thread, reused for many files.
 */
public final class FileScanner {

    private static final boolean[] IDENT = new boolean[256];
    private static final boolean[] IDENT_START = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            IDENT_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
            IDENT[c] = IDENT_START[c] || c >= '0' && c <= '9';
        }
    }

    private final Symbols symbols;
    /** The symbols this scanner has met in earlier files, by their bytes: no String to make for them. */
    private final KnownSymbols known;

    // The file's identifiers: an open-addressing table over byte ranges, local number -> symbol.
    private byte[] s;
    private int[] slots = new int[1 << 12]; // local number + 1, 0 = empty
    private int[] hashes = new int[64];
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] global = new int[64];
    /** The symbol of {@code name[} (the identifier indexed), made on first sight; -1 before. */
    private int[] indexed = new int[64];
    private int locals;

    // Mention sets, by local number: a stamp per set so that clearing is free.
    private int[] bodyStamp = new int[64];
    private int[] fileStamp = new int[64];
    private int[] macroStamp = new int[64];
    private int bodySerial;
    private int macroSerial;
    private final IntList body = new IntList();
    private final IntList file = new IntList();
    private final IntList macro = new IntList();
    /** Symbols mentioned that are not identifiers of the file ({@code fd[}), for the body and the file. */
    private final IntList bodyExtra = new IntList();
    private final IntList fileExtra = new IntList();
    private final IntList macroExtra = new IntList();

    // Results.
    private final IntList functions = new IntList();
    private final List<int[]> mentions = new ArrayList<>();
    private final IntList macroNames = new IntList();
    private final List<int[]> expansions = new ArrayList<>();
    private final LongList bindings = new LongList();
    private final List<String> includes = new ArrayList<>();

    // A digest of what the index depends on: identifiers where they occur, and structure.
    private long digestA;
    private long digestB;

    // The scan's state.
    private int i;
    private int braces;
    private int parens;
    private boolean inBody;
    private int candidate = -1;
    private int lastIdent = -1;
    private char last;
    private int member = -1;        // the identifier after '.' or '->'
    private int boundMember = -1;   // ... followed by '='
    private char previous;          // the previous significant character anywhere
    private char beforePrevious;    // ... and the one before it
    private int declared = -1;      // at file scope, the name a declaration is declaring
    private int initialized = -1;   // ... whose initializer starts here (after '=' or '= &')

    public FileScanner(Symbols symbols) {
        this.symbols = symbols;
        this.known = new KnownSymbols(symbols);
    }

    /** Scans one file's bytes (any encoding that keeps ASCII as ASCII). */
    public FileIndex scan(byte[] text) {
        reset(text);
        int n = s.length;
        boolean lineStart = true;
        while (i < n) {
            int c = s[i] & 0xff;
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                i++;
                continue;
            }
            if (c == '#' && lineStart) {
                directive();
                continue; // i is at the line's end
            }
            boolean column0 = i == 0 || s[i - 1] == '\n';
            lineStart = false;
            if (c == '/' && i + 1 < n && s[i + 1] == '*') {
                i = skipComment(i + 2);
                lineStart = false;
            } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
                i = lineEnd(i);
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(i, c);
                significant(c);
            } else if (IDENT_START[c]) {
                int start = i;
                int h = 0;
                while (i < n && IDENT[s[i] & 0xff]) {
                    h = 31 * h + s[i];
                    i++;
                }
                int k = local(start, i - start, h);
                identifier(k);
                if (followedByBracket()) {
                    indexedMention(k);
                }
            } else if (c >= '0' && c <= '9') {
                while (i < n && (IDENT[s[i] & 0xff] || s[i] == '.')) {
                    i++;
                }
                significant('0');
            } else {
                i++;
                punctuator((char) c, column0);
            }
        }
        if (inBody) {
            endBody();
        }
        return result();
    }

    private void reset(byte[] text) {
        s = text;
        Arrays.fill(slots, 0);
        locals = 0;
        body.clear();
        file.clear();
        macro.clear();
        bodyExtra.clear();
        fileExtra.clear();
        functions.clear();
        mentions.clear();
        macroNames.clear();
        expansions.clear();
        bindings.clear();
        includes.clear();
        i = 0;
        braces = 0;
        parens = 0;
        inBody = false;
        candidate = -1;
        lastIdent = -1;
        last = ';';
        member = -1;
        boundMember = -1;
        previous = ';';
        beforePrevious = ';';
        declared = -1;
        initialized = -1;
        digestA = 0xcbf29ce484222325L;
        digestB = 0x9e3779b97f4a7c15L;
        Arrays.fill(fileStamp, 0, fileStamp.length, 0);
        Arrays.fill(bodyStamp, 0, bodyStamp.length, 0);
        Arrays.fill(macroStamp, 0, macroStamp.length, 0);
        bodySerial = 0;
        macroSerial = 0;
    }

    private FileIndex result() {
        int[] fs = withExtra(toSymbols(file), fileExtra);
        byte[] digest = java.nio.ByteBuffer.allocate(16).putLong(digestA).putLong(digestB).array();
        return new FileIndex(functions.toArray(), mentions.toArray(new int[0][]), fs, bindings.sortedDistinct(),
                macroNames.toArray(), expansions.toArray(new int[0][]), List.copyOf(includes), digest);
    }

    // --- identifiers -------------------------------------------------------------------------

    /** The local number of the identifier at {@code start}, adding it on first sight. */
    private int local(int start, int len, int h) {
        int mask = slots.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int v = slots[slot];
            if (v == 0) {
                break;
            }
            int k = v - 1;
            if (hashes[k] == h && lengths[k] == len && Arrays.equals(s, starts[k], starts[k] + len, s, start,
                    start + len)) {
                return k;
            }
            slot = (slot + 1) & mask;
        }
        int k = locals++;
        if (k == hashes.length) {
            grow();
        }
        hashes[k] = h;
        starts[k] = start;
        lengths[k] = len;
        global[k] = known.id(s, start, len, h);
        indexed[k] = -1;
        slots[slot] = k + 1;
        if (locals * 2 > slots.length) {
            rehash();
        }
        return k;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    private void grow() {
        int n = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, n);
        starts = Arrays.copyOf(starts, n);
        lengths = Arrays.copyOf(lengths, n);
        global = Arrays.copyOf(global, n);
        int old = indexed.length;
        indexed = Arrays.copyOf(indexed, n);
        Arrays.fill(indexed, old, n, -1);
        bodyStamp = Arrays.copyOf(bodyStamp, n);
        fileStamp = Arrays.copyOf(fileStamp, n);
        macroStamp = Arrays.copyOf(macroStamp, n);
    }

    private void rehash() {
        slots = slotsFor(hashes, locals, slots.length * 2);
    }

    /** An open-addressing table of {@code size} slots for the first {@code count} entries' hashes. */
    private static int[] slotsFor(int[] hashes, int count, int size) {
        int[] slots = new int[size];
        int mask = size - 1;
        for (int k = 0; k < count; k++) {
            int slot = mix(hashes[k]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = k + 1;
        }
        return slots;
    }

    /** Feeds the digest: a tag (where, or a structure event) and a byte range. */
    private void feed(int tag, int start, int len) {
        long a = digestA ^ tag;
        long b = digestB + tag * 0x100000001b3L;
        a *= 0x100000001b3L;
        for (int q = start; q < start + len; q++) {
            a = (a ^ (s[q] & 0xff)) * 0x100000001b3L;
            b = (b + (s[q] & 0xff)) * 0xc6a4a7935bd1e995L;
            b ^= b >>> 47;
        }
        digestA = a;
        digestB = b;
    }

    private void identifier(int k) {
        feed(inBody ? 1 : 2, starts[k], lengths[k]);
        if (inBody) {
            if (bodyStamp[k] != bodySerial) {
                bodyStamp[k] = bodySerial;
                body.add(k);
            }
        } else {
            mentionAtFileScope(k);
        }
        binding(k);
        if (braces == 0 && !inBody) {
            variable(k);
        }
        if (braces == 0) {
            if (parens == 0) {
                lastIdent = last == ')' ? -1 : k; // foo(...) __acquires(x): not a new name
            }
            last = 'a';
        }
        beforePrevious = previous;
        previous = 'a';
    }

    /**
     * Follows {@code void (*cb)(void) = f;} at file scope: a call through {@code cb} anywhere
     * may call {@code f}. Recorded as a binding of {@code f} to the pseudo-member {@code cb=}.
     * The name declared is the last identifier outside parentheses ({@code *cb}, {@code cb[]})
     * or the one in {@code (*cb)}; the value is the first identifier of the initializer.
     */
    private void variable(int k) {
        if (initialized >= 0) {
            feed(7, starts[initialized], lengths[initialized]);
            int pseudo = symbols.id(new String(s, starts[initialized], lengths[initialized],
                    StandardCharsets.ISO_8859_1) + "=");
            bindings.add((long) pseudo << 32 | (global[k] & 0xffffffffL));
            initialized = -1;
        } else if (parens == 0 || previous == '*' && beforePrevious == '(') {
            declared = k;
        }
    }

    /** Whether the next significant byte is '[' (spaces and tabs skipped). */
    private boolean followedByBracket() {
        return bracketAt(i, s.length);
    }

    private boolean bracketAt(int from, int end) {
        int k = from;
        while (k < end && (s[k] == ' ' || s[k] == '\t')) {
            k++;
        }
        return k < end && s[k] == '[';
    }

    /** Mentions {@code name[}: rules look for an array member indexed ({@code fdt->fd[i]}). */
    private void indexedMention(int k) {
        feed(5, starts[k], lengths[k]);
        int sym = indexedSymbol(k);
        if (inBody) {
            bodyExtra.add(sym);
        } else {
            fileExtra.add(sym);
        }
    }

    private int indexedSymbol(int k) {
        if (indexed[k] < 0) {
            indexed[k] = symbols.id(new String(s, starts[k], lengths[k], StandardCharsets.ISO_8859_1) + "[");
        }
        return indexed[k];
    }

    private void mentionAtFileScope(int k) {
        if (fileStamp[k] != 1) {
            fileStamp[k] = 1;
            file.add(k);
        }
    }

    /** Follows {@code .member = function} and {@code ->member = &function}. */
    private void binding(int k) {
        if (boundMember >= 0) {
            feed(6, starts[boundMember], lengths[boundMember]);
            bindings.add((long) global[boundMember] << 32 | (global[k] & 0xffffffffL));
            boundMember = -1;
        }
        member = previous == '.' || previous == '>' ? k : -1;
    }

    // --- punctuation and structure -----------------------------------------------------------

    private void punctuator(char c, boolean column0) {
        if (c == '=' && member >= 0 && i < s.length && s[i] != '=') {
            boundMember = member;
        } else if (c != '&' || boundMember < 0) {
            boundMember = -1;
        }
        member = -1;
        if (c == '=' && braces == 0 && !inBody && parens == 0 && declared >= 0 && i < s.length && s[i] != '=') {
            initialized = declared;
        } else if (c != '&' || initialized < 0) {
            initialized = -1;
        }
        if (c == ';' || c == ',' && parens == 0) {
            declared = -1;
        }
        beforePrevious = previous;
        previous = c == '>' && i >= 2 && s[i - 2] == '-' ? '>' : c == '.' ? '.' : c;
        if (c == '}' && column0) {
            // kernel style: a function ends in column 0, whatever #if did to the count
            if (inBody) {
                endBody();
            }
            braces = 0;
            fileScopeReset();
            return;
        }
        if (braces > 0) {
            if (c == '{') {
                braces++;
            } else if (c == '}' && --braces == 0) {
                if (inBody) {
                    endBody();
                }
                fileScopeReset();
            }
            return;
        }
        switch (c) {
            case '(' -> {
                if (parens == 0 && lastIdent >= 0 && last == 'a') {
                    candidate = lastIdent;
                }
                parens++;
            }
            case ')' -> parens = Math.max(0, parens - 1);
            case ';', '=' -> {
                if (parens == 0) {
                    fileScopeReset();
                }
            }
            case '{' -> {
                braces = 1;
                if (candidate >= 0 && parens == 0 && (last == ')' || last == 'a')) {
                    startBody(candidate);
                }
                candidate = -1;
            }
            default -> {
            }
        }
        last = c;
    }

    private void significant(int c) {
        if (braces == 0) {
            last = (char) c;
        }
        beforePrevious = previous;
        previous = (char) c;
        member = -1;
        boundMember = -1;
        initialized = -1;
    }

    private void fileScopeReset() {
        candidate = -1;
        lastIdent = -1;
        parens = 0;
        last = ';';
    }

    private void startBody(int name) {
        feed(3, starts[name], lengths[name]);
        inBody = true;
        bodySerial++;
        body.clear();
        bodyExtra.clear();
        functions.add(global[name]);
    }

    private void endBody() {
        feed(4, 0, 0);
        inBody = false;
        mentions.add(withExtra(toSymbols(body), bodyExtra));
    }

    private int[] toSymbols(IntList localNumbers) {
        int[] out = new int[localNumbers.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = global[localNumbers.get(k)];
        }
        Arrays.sort(out);
        return out;
    }

    private static int[] withExtra(int[] sorted, IntList extra) {
        if (extra.size() == 0) {
            return sorted;
        }
        int[] out = Arrays.copyOf(sorted, sorted.length + extra.size());
        for (int k = 0; k < extra.size(); k++) {
            out[sorted.length + k] = extra.get(k);
        }
        return Arrays.stream(out).sorted().distinct().toArray();
    }

    // --- preprocessor ------------------------------------------------------------------------

    /** A directive: {@code #define} and {@code #include "..."} are kept, the others skipped. */
    private void directive() {
        int end = lineEnd(i);
        feed(7, i, end - i); // a whole directive, as written: its macros and includes
        int k = skipBlanks(i + 1, end);
        if (startsWith(k, end, "define")) {
            define(skipBlanks(k + 6, end), end);
        } else if (startsWith(k, end, "include")) {
            int q = skipBlanks(k + 7, end);
            if (q < end && s[q] == '"') {
                int close = q + 1;
                while (close < end && s[close] != '"') {
                    close++;
                }
                if (close < end && close > q + 1) {
                    includes.add(new String(s, q + 1, close - q - 1, StandardCharsets.UTF_8));
                }
            }
        }
        i = end;
    }

    private void define(int k, int end) {
        if (k >= end || !IDENT_START[s[k] & 0xff]) {
            return;
        }
        int start = k;
        int h = 0;
        while (k < end && IDENT[s[k] & 0xff]) {
            h = 31 * h + s[k];
            k++;
        }
        int name = local(start, k - start, h);
        macroSerial++;
        macro.clear();
        macroExtra.clear();
        while (k < end) {
            int c = s[k] & 0xff;
            if (c == '/' && k + 1 < end && s[k + 1] == '*') {
                k = skipComment(k + 2);
            } else if (c == '/' && k + 1 < end && s[k + 1] == '/') {
                break;
            } else if (c == '"' || c == '\'') {
                k = skipQuoted(k, c);
            } else if (IDENT_START[c]) {
                int st = k;
                int hh = 0;
                while (k < end && IDENT[s[k] & 0xff]) {
                    hh = 31 * hh + s[k];
                    k++;
                }
                int m = local(st, k - st, hh);
                if (m != name && macroStamp[m] != macroSerial) {
                    macroStamp[m] = macroSerial;
                    macro.add(m);
                }
                mentionAtFileScope(m);
                if (bracketAt(k, end)) {
                    macroExtra.add(indexedSymbol(m));
                }
            } else if (c >= '0' && c <= '9') {
                while (k < end && IDENT[s[k] & 0xff]) {
                    k++;
                }
            } else {
                k++;
            }
        }
        macroNames.add(global[name]);
        expansions.add(withExtra(toSymbols(macro), macroExtra));
    }

    private boolean startsWith(int k, int end, String word) {
        int len = word.length();
        if (k + len > end) {
            return false;
        }
        for (int q = 0; q < len; q++) {
            if (s[k + q] != word.charAt(q)) {
                return false;
            }
        }
        return k + len == end || !IDENT[s[k + len] & 0xff];
    }

    private int skipBlanks(int k, int end) {
        while (k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\\' || s[k] == '\r' || s[k] == '\n')) {
            k++;
        }
        return k;
    }

    /** The end of a logical line: its newline, continuations and block comments followed. */
    private int lineEnd(int from) {
        int k = from;
        int n = s.length;
        while (k < n) {
            byte b = s[k];
            if (b == '\n') {
                int p = k - 1;
                if (p >= from && s[p] == '\r') {
                    p--;
                }
                if (p >= from && s[p] == '\\') {
                    k++;
                    continue;
                }
                return k;
            }
            if (b == '/' && k + 1 < n && s[k + 1] == '*') {
                k = skipComment(k + 2);
                continue;
            }
            k++;
        }
        return n;
    }

    /** Past the {@code *}{@code /} that closes a comment whose body starts at {@code from}. */
    private int skipComment(int from) {
        for (int k = from; k + 1 < s.length; k++) {
            if (s[k] == '*' && s[k + 1] == '/') {
                return k + 2;
            }
        }
        return s.length;
    }

    /** Past a string or character literal (it ends at its quote or, unterminated, at the line's end). */
    private int skipQuoted(int from, int quote) {
        int k = from + 1;
        while (k < s.length && s[k] != quote && s[k] != '\n') {
            k += s[k] == '\\' ? 2 : 1;
        }
        return Math.min(s.length, k + 1);
    }

    /**
     * A scanner's own map from an identifier's bytes to its symbol, kept across the files it
     * scans: most identifiers recur from file to file, and looking them up by their bytes
     * spares a String and a lookup in the shared {@link Symbols} for each.
     */
    private static final class KnownSymbols {
        private final Symbols symbols;
        private byte[] arena = new byte[1 << 16];
        private int used;
        private int[] slots = new int[1 << 14];   // entry + 1, 0 = empty
        private int[] hashes = new int[1 << 13];
        private int[] offsets = new int[1 << 13];
        private int[] lengths = new int[1 << 13];
        private int[] ids = new int[1 << 13];
        private int size;

        KnownSymbols(Symbols symbols) {
            this.symbols = symbols;
        }

        int id(byte[] s, int start, int len, int h) {
            int mask = slots.length - 1;
            int slot = mix(h) & mask;
            while (slots[slot] != 0) {
                int e = slots[slot] - 1;
                if (hashes[e] == h && lengths[e] == len
                        && Arrays.equals(arena, offsets[e], offsets[e] + len, s, start, start + len)) {
                    return ids[e];
                }
                slot = (slot + 1) & mask;
            }
            int id = symbols.id(new String(s, start, len, StandardCharsets.ISO_8859_1));
            if (size == ids.length) {
                int n = size * 2;
                hashes = Arrays.copyOf(hashes, n);
                offsets = Arrays.copyOf(offsets, n);
                lengths = Arrays.copyOf(lengths, n);
                ids = Arrays.copyOf(ids, n);
            }
            if (used + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
            }
            System.arraycopy(s, start, arena, used, len);
            hashes[size] = h;
            offsets[size] = used;
            lengths[size] = len;
            ids[size] = id;
            used += len;
            slots[slot] = ++size;
            if (size * 2 > slots.length) {
                slots = slotsFor(hashes, size, slots.length * 2);
            }
            return id;
        }
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int get(int k) {
            return a[k];
        }

        int size() {
            return n;
        }

        void clear() {
            n = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable long array. */
    static final class LongList {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void clear() {
            n = 0;
        }

        long[] sortedDistinct() {
            long[] out = Arrays.copyOf(a, n);
            Arrays.sort(out);
            int w = 0;
            for (int k = 0; k < out.length; k++) {
                if (k == 0 || out[k] != out[k - 1]) {
                    out[w++] = out[k];
                }
            }
            return Arrays.copyOf(out, w);
        }
    }
}
