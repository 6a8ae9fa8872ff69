package io.github.dovelint.kerneldb;

import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.Use;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.yaml.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a kernel database (format in {@link KernelDbFormat}). Whatever is wrong with the file
 * (missing, not gzip, corrupt or cut short, not a database, another format version, a line that
 * does not match, facts out of order) is a {@link ConfigException} of kind INPUT naming the file,
 * never an empty database. Every line is checked here, on bytes, without building a string: a
 * lookup then only slices the lines of the name it asks about (docs/kernel-db.md#format).
 */
public final class KernelDbReader {

    /**
     * The largest database read, compressed or not: a whole kernel's is about 1 MB compressed
     * and 6 MB of text, and a gzip bomb must be refused before it fills the heap
     * (docs/robustness.md#size-and-depth-limits).
     */
    static final int MAX_BYTES = 64 << 20;

    private static final byte TAB = '\t';
    private static final byte NL = '\n';
    private static final FunctionAttribute[] ATTRIBUTES = FunctionAttribute.values();
    private static final byte[][] KEYS = new byte[ATTRIBUTES.length][];

    static {
        for (int i = 0; i < ATTRIBUTES.length; i++) {
            KEYS[i] = KernelDbFormat.utf8(ATTRIBUTES[i].key());
        }
    }

    private KernelDbReader() {
    }

    /**
     * @param file  the database file
     * @param shown how messages name it
     */
    public static KernelDb read(Path file, String shown) throws ConfigException {
        return KernelDbs.load(KernelDbChoice.file(file), shown);
    }

    /** Decodes a database file's bytes; its identity is their SHA-256. */
    public static KernelDb decode(byte[] bytes, String shown) throws ConfigException {
        return decode(bytes, KernelDbFormat.sha256(bytes), shown);
    }

    /** Decodes a database file's bytes whose identity is known. */
    static KernelDb decode(byte[] bytes, String identity, String shown) throws ConfigException {
        byte[] text = gunzip(bytes, shown);
        int headerEnd = lineEnd(text, 0);
        String header = headerEnd < 0 ? "" : ascii(text, 0, headerEnd);
        String[] h = header.split("\t", -1);
        if (h.length != 2 || !h[0].equals(KernelDbFormat.MAGIC)) {
            throw error(shown, "not a dovelint kernel database");
        }
        if (!h[1].equals(String.valueOf(KernelDb.FORMAT_VERSION))) {
            throw error(shown, "kernel database of format version " + h[1] + "; this dovelint reads version "
                    + KernelDb.FORMAT_VERSION + " (derive it again with 'dovelint kb derive')");
        }
        int countEnd = lineEnd(text, headerEnd + 1);
        int count = count(countEnd < 0 ? "" : ascii(text, headerEnd + 1, countEnd), text.length, shown);
        int[] starts = new int[count + 1];
        int at = countEnd + 1;
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int end = lineEnd(text, at);
            if (end < 0 || isEnd(text, at, end)) {
                throw error(shown, "the kernel database is truncated or corrupt (" + count + " facts announced, "
                        + i + " found)");
            }
            check(text, at, end, previous, i + 3, shown);
            starts[i] = at;
            previous = at;
            at = end + 1;
        }
        int end = lineEnd(text, at);
        if (end < 0 || !isEnd(text, at, end) || end + 1 != text.length) {
            throw error(shown, "the kernel database is truncated or corrupt (" + count + " facts announced, "
                    + "more found or no end line)");
        }
        starts[count] = at;
        return new KernelDb(text, starts, identity, shown);
    }

    private static byte[] gunzip(byte[] bytes, String shown) throws ConfigException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] plain = in.readNBytes(MAX_BYTES + 1); // to the end: the trailer's CRC and length are checked
            if (plain.length > MAX_BYTES) {
                throw tooLarge(shown, " uncompressed");
            }
            return plain;
        } catch (ZipException e) {
            throw error(shown, "not a dovelint kernel database or corrupt (gzip: " + e.getMessage() + ")");
        } catch (EOFException e) {
            throw error(shown, "the kernel database is truncated");
        } catch (IOException e) {
            throw error(shown, "the kernel database is corrupt: " + e.getMessage());
        }
    }

    /** Checks one fact line: four fields, a known attribute with a valid value, in function order. */
    private static void check(byte[] t, int start, int end, int previous, int number, String shown)
            throws ConfigException {
        int f = indexOf(t, TAB, start, end);
        int a = f < 0 ? -1 : indexOf(t, TAB, f + 1, end);
        int v = a < 0 ? -1 : indexOf(t, TAB, a + 1, end);
        String problem = null;
        if (v < 0 || indexOf(t, TAB, v + 1, end) >= 0 || f == start) {
            problem = "expected FUNCTION, ATTRIBUTE, VALUE and REASON";
        } else if (!identifier(t, start, f)) {
            problem = "bad function name";
        } else {
            FunctionAttribute attribute = attribute(t, f + 1, a);
            if (attribute == null || attribute == FunctionAttribute.WHY || attribute == FunctionAttribute.KEPT) {
                problem = "unknown attribute '" + new String(t, f + 1, a - f - 1, StandardCharsets.UTF_8) + "'";
            } else if (!valid(attribute, t, a + 1, v)) {
                problem = "bad value '" + new String(t, a + 1, v - a - 1, StandardCharsets.UTF_8) + "' for "
                        + attribute.key();
            } else if (previous >= 0 && KernelDb.compareFunction(t, previous, t, start, f) > 0) {
                problem = "facts out of order";
            }
        }
        if (problem != null) {
            throw new ConfigException(Problem.Kind.INPUT, new Location(shown, number, 0),
                    "the kernel database is corrupt: " + problem, null);
        }
    }

    private static FunctionAttribute attribute(byte[] t, int from, int to) {
        for (int i = 0; i < KEYS.length; i++) {
            if (java.util.Arrays.equals(t, from, to, KEYS[i], 0, KEYS[i].length)) {
                return ATTRIBUTES[i];
            }
        }
        return null;
    }

    private static boolean valid(FunctionAttribute a, byte[] t, int from, int to) {
        String value = ascii(t, from, to);
        return switch (a.type()) {
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case INDEX -> !value.isEmpty() && value.length() <= 3 && value.chars().allMatch(c -> c >= '0' && c <= '9');
            case USES -> Use.byKey(value).isPresent();
            case TEXT -> true;
            case KEPT -> false; // rejected above: a curated entry's, never a derived fact's
        };
    }

    /** A C identifier's bytes (and the {@code .} of compiler-made names). */
    private static boolean identifier(byte[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = t[i];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '$')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEnd(byte[] t, int start, int end) {
        return end - start == 3 && t[start] == 'e' && t[start + 1] == 'n' && t[start + 2] == 'd';
    }

    private static int lineEnd(byte[] t, int from) {
        return from > t.length ? -1 : indexOf(t, NL, from, t.length);
    }

    private static int indexOf(byte[] t, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] t, int from, int to) {
        return new String(t, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static int count(String line, int bytes, String shown) throws ConfigException {
        String[] f = line.split("\t", -1);
        try {
            if (f.length == 2 && f[0].equals(KernelDbFormat.FACTS)) {
                int n = Integer.parseInt(f[1]);
                if (n >= 0 && n <= bytes / 8) { // a fact line takes at least 8 bytes
                    return n;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(shown, "the kernel database is truncated or corrupt (no fact count)");
    }

    static ConfigException tooLarge(String shown, String how) {
        return error(shown, "the kernel database is larger than " + (MAX_BYTES >> 20) + " MiB" + how
                + ": the size limit for a kernel database");
    }

    static ConfigException error(String shown, String message) {
        return new ConfigException(Problem.Kind.INPUT, new Location(shown, 0, 0), message, null);
    }
}
