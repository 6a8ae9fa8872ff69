package io.github.dovelint.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a JSON input so that every error has a line. Jackson's own limits (its nesting depth
 * of 1000 levels, a number or a string too long) throw without a location; the parser that
 * threw still knows where it was (docs/robustness.md#size-and-depth-limits).
 */
public final class JsonInput {

    private JsonInput() {
    }

    /** Invalid JSON, with where: line and column from 1, or 0 when not known. */
    public static final class Invalid extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        Invalid(JsonLocation at, JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
            this.line = at == null ? 0 : Math.max(0, at.getLineNr());
            this.column = at == null ? 0 : Math.max(0, at.getColumnNr());
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** The tree of {@code bytes}: null or a missing node when there is none. */
    public static JsonNode readTree(ObjectMapper mapper, byte[] bytes) throws IOException {
        try (JsonParser parser = mapper.createParser(bytes)) {
            try {
                return mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new Invalid(at == null || at.getLineNr() < 1 ? parser.currentLocation() : at, e);
            }
        }
    }
}
