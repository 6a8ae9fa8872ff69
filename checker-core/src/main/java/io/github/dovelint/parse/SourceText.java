package io.github.dovelint.parse;

import io.github.dovelint.files.SourceOverlay;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a C source file the way dovelint wants it: strictly as UTF-8, so a
 * mis-encoded file is reported instead of being silently parsed with
 * replacement characters that would shift columns and hide identifiers.
 * A UTF-8 byte order mark is dropped; NUL bytes mean "not a source file".
 */
final class SourceText {

    /** Either decoded text, or why there is none and on which line (1-based). */
    record Result(String text, String error, int errorLine) {
        boolean ok() {
            return error == null;
        }
    }

    private SourceText() {
    }

    /** Reads and decodes {@code file}; never throws. */
    static Result read(Path file) {
        return read(file, SourceOverlay.NONE);
    }

    /** Reads and decodes {@code file}, the overlay's text where it covers it; never throws. */
    static Result read(Path file, SourceOverlay overlay) {
        byte[] bytes;
        try {
            bytes = overlay.read(file);
        } catch (NoSuchFileException e) {
            return new Result(null, "cannot read file: no such file", 0);
        } catch (AccessDeniedException e) {
            return new Result(null, "cannot read file: permission denied", 0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(null, "cannot read file: " + reason, 0);
        }
        return decode(bytes);
    }

    /** Decodes bytes strictly as UTF-8; reports the line of the first bad or NUL byte. */
    static Result decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            return new Result(null, "UTF-16 encoded (it starts with a UTF-16 byte order mark); dovelint reads sources"
                    + " as UTF-8: convert it, e.g. with iconv -f UTF-16 -t UTF-8", 1);
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new Result(null, "binary file (contains a NUL byte), not C source", lineOf(bytes, i));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            String what = bad < bytes.length
                    ? "byte 0x" + Integer.toHexString(bytes[bad] & 0xff) + " at offset " + bad
                    : "truncated sequence at end of file";
            return new Result(null, "not valid UTF-8 (" + what + "); dovelint reads sources as UTF-8",
                    lineOf(bytes, bad));
        }
        out.flip();
        return new Result(out.toString(), null, 0);
    }

    private static int lineOf(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
