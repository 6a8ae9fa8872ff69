package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reports are diffed, cached and committed: the same result must give the same bytes. */
class DeterminismTest {

    static Iterable<ReportWriter> writers() {
        return ReportWriters.all();
    }

    private static byte[] bytes(ReportWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write(ReportFixtures.sample(), out); // a fresh, equal result each time
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("writers")
    void sameResultGivesSameBytes(ReportWriter writer) throws IOException {
        assertArrayEquals(bytes(writer), bytes(writer));
    }

    @ParameterizedTest
    @MethodSource("writers")
    void usesUnixLineEndingsAndEndsWithANewline(ReportWriter writer) {
        String text = writer.render(ReportFixtures.sample());
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("\n"));
        assertFalse(text.endsWith("\n\n"));
    }

    @ParameterizedTest
    @MethodSource("writers")
    void containsNoAbsolutePaths(ReportWriter writer) {
        String text = writer.render(ReportFixtures.sample());
        assertFalse(text.contains(System.getProperty("user.dir")));
        assertFalse(text.contains("file:/"));
    }
}
