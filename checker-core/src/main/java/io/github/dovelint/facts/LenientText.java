package io.github.dovelint.facts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import io.github.dovelint.files.SourceOverlay;
import java.nio.file.Path;

/**
 * Reads a source file for display: line texts, columns, suppression comments.
 * Undecodable bytes become U+FFFD and a BOM is dropped, as the parser sees the
 * file; what cannot be read is "" (the parser reports it, not the readers).
 */
public final class LenientText {

    private LenientText() {
    }

    /** The file as UTF-8 text, "" when unreadable or larger than {@code maxBytes}. */
    public static String read(Path file, long maxBytes) {
        return read(file, maxBytes, SourceOverlay.NONE);
    }

    /** As {@link #read(Path, long)}, the overlay's text where it covers the file. */
    public static String read(Path file, long maxBytes, SourceOverlay overlay) {
        try {
            if (overlay.size(file) > maxBytes) {
                return "";
            }
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(overlay.read(file))).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
