package io.github.dovelint.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a structured input (configuration, baseline, compile_commands.json, scenario, trace)
 * with a size limit, so that a huge or endless file (a log given by mistake, {@code /dev/zero})
 * is refused with a message naming the limit instead of filling the heap
 * (docs/robustness.md#size-and-depth-limits).
 */
public final class InputFiles {

    /** {@code .dovelint.yml}, with its knowledge-base overrides. */
    public static final Limit CONFIGURATION = new Limit("a configuration file", 16L << 20);
    /** A baseline: one entry per accepted finding. */
    public static final Limit BASELINE = new Limit("a baseline", 256L << 20);
    /** A compile_commands.json: a whole kernel's is about 100 MB. */
    public static final Limit COMPILE_COMMANDS = new Limit("a compile_commands.json", 512L << 20);
    /** A scenario or a trace of the reference tracker. */
    public static final Limit SPEC_INPUT = new Limit("a scenario or trace", 64L << 20);

    private InputFiles() {
    }

    /** A size limit: what it applies to, and the most bytes read. */
    public record Limit(String what, long bytes) {
        /** The size in words: {@code 16 MiB}. */
        public String shown() {
            return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
        }
    }

    /** A file over its limit; the message says which limit, without the file's name. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(Limit limit) {
            super("larger than " + limit.shown() + ": the size limit for " + limit.what());
        }
    }

    /** The bytes of {@code file}, at most {@code limit}; a file over it is {@link TooLarge}, read or not. */
    public static byte[] read(Path file, Limit limit) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > limit.bytes()) {
            throw new TooLarge(limit); // not even read
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit);
        }
    }

    /** The bytes of a stream (standard input), at most {@code limit}. */
    public static byte[] read(InputStream in, Limit limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
        if (bytes.length > limit.bytes()) {
            throw new TooLarge(limit);
        }
        return bytes;
    }
}
