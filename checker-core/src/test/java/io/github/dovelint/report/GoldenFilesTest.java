package io.github.dovelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the exact bytes of every format for the sample result, so that any
 * change to a report's shape shows up as a reviewed diff of
 * {@code src/test/resources/report/sample.<format>}. To regenerate after an
 * intended change, run with {@code -Ddovelint.updateGolden=true} from the
 * checker-core directory and review the diff.
 */
class GoldenFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "checkstyle", "gitlab", "github", "html"})
    void matchesGoldenFile(String format) throws IOException {
        String actual = ReportWriters.byName(format).render(ReportFixtures.sample());
        String resource = "sample." + format;
        if (Boolean.getBoolean("dovelint.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/report", resource), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/report/" + resource)) {
            if (in == null) {
                throw new AssertionError("missing golden file /report/" + resource);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
        }
    }
}
