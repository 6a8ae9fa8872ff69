package io.github.dovelint.kerneldb;

import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.Use;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.yaml.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a kernel database (format in {@link KernelDbFormat}). Whatever is wrong with the file
 * (missing, not gzip, not a database, another format version, truncated, a checksum or a
 * line that does not match) is a {@link ConfigException} of kind INPUT naming the file, never
 * an empty database.
 */
public final class KernelDbReader {

    /**
     * The largest database read, compressed or not: a whole kernel's is about 2 MB compressed
     * and 15 MB of text, and a gzip bomb must be refused before it fills the heap
     * (docs/robustness.md#size-and-depth-limits).
     */
    static final int MAX_BYTES = 64 << 20;

    private KernelDbReader() {
    }

    /**
     * @param file  the database file
     * @param shown how messages name it
     */
    public static KernelDb read(Path file, String shown) throws ConfigException {
        return KernelDbs.load(KernelDbChoice.file(file), shown);
    }

    public static KernelDb decode(byte[] bytes, String shown) throws ConfigException {
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] plain = in.readNBytes(MAX_BYTES + 1);
            if (plain.length > MAX_BYTES) {
                throw tooLarge(shown, " uncompressed");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString();
        } catch (ZipException e) {
            throw error(shown, "not a dovelint kernel database (not gzip data: " + e.getMessage() + ")");
        } catch (EOFException e) {
            throw error(shown, "the kernel database is truncated");
        } catch (CharacterCodingException e) {
            throw error(shown, "the kernel database is corrupt (not UTF-8 text)");
        } catch (IOException e) {
            throw error(shown, "the kernel database is corrupt: " + e.getMessage());
        }
        String[] lines = text.split("\n", -1);
        String[] header = lines[0].split("\t", -1);
        if (header.length != 2 || !header[0].equals(KernelDbFormat.MAGIC)) {
            throw error(shown, "not a dovelint kernel database");
        }
        if (!header[1].equals(String.valueOf(KernelDb.FORMAT_VERSION))) {
            throw error(shown, "kernel database of format version " + header[1] + "; this dovelint reads version "
                    + KernelDb.FORMAT_VERSION + " (derive it again with 'dovelint kb derive')");
        }
        int count = count(lines, shown);
        if (lines.length != count + 4 || !lines[lines.length - 1].isEmpty()) {
            throw error(shown, "the kernel database is truncated or corrupt (" + count + " facts announced, "
                    + Math.max(0, lines.length - 4) + " found)");
        }
        String[] end = lines[count + 2].split("\t", -1);
        int bodyLength = 0;
        for (int i = 0; i < count + 2; i++) {
            bodyLength += lines[i].length() + 1;
        }
        if (end.length != 2 || !end[0].equals(KernelDbFormat.END)
                || !end[1].equals(KernelDbFormat.sha256(text.substring(0, bodyLength)))) {
            throw error(shown, "the kernel database is corrupt (its checksum does not match)");
        }
        List<DerivedFact> facts = new ArrayList<>(count);
        for (int i = 2; i < count + 2; i++) {
            facts.add(fact(lines[i], i + 1, shown));
        }
        return new KernelDb(facts, end[1], shown);
    }

    private static int count(String[] lines, String shown) throws ConfigException {
        String[] f = lines.length > 1 ? lines[1].split("\t", -1) : new String[0];
        try {
            if (f.length == 2 && f[0].equals(KernelDbFormat.FACTS)) {
                int n = Integer.parseInt(f[1]);
                if (n >= 0) {
                    return n;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(shown, "the kernel database is truncated or corrupt (no fact count)");
    }

    private static DerivedFact fact(String line, int number, String shown) throws ConfigException {
        String[] p = line.split("\t", -1);
        String problem = null;
        if (p.length != 4 || p[0].isEmpty()) {
            problem = "expected FUNCTION, ATTRIBUTE, VALUE and REASON";
        } else {
            FunctionAttribute a = FunctionAttribute.byKey(p[1]).orElse(null);
            if (a == null || a == FunctionAttribute.WHY) {
                problem = "unknown attribute '" + p[1] + "'";
            } else if (!valid(a, p[2])) {
                problem = "bad value '" + p[2] + "' for " + p[1];
            }
        }
        if (problem != null) {
            throw new ConfigException(Problem.Kind.INPUT, new Location(shown, number, 0),
                    "the kernel database is corrupt: " + problem, null);
        }
        return new DerivedFact(p[0], p[1], p[2], p[3]);
    }

    private static boolean valid(FunctionAttribute a, String value) {
        return switch (a.type()) {
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case INDEX -> !value.isEmpty() && value.length() <= 3 && value.chars().allMatch(c -> c >= '0' && c <= '9');
            case USES -> Use.byKey(value).isPresent();
            case TEXT -> true;
        };
    }

    static ConfigException tooLarge(String shown, String how) {
        return error(shown, "the kernel database is larger than " + (MAX_BYTES >> 20) + " MiB" + how
                + ": the size limit for a kernel database");
    }

    static ConfigException error(String shown, String message) {
        return new ConfigException(Problem.Kind.INPUT, new Location(shown, 0, 0), message, null);
    }
}
