package io.github.dovelint.maven.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IT helper's schema check accepts valid SARIF and rejects broken SARIF. */
class ItsTest {

    @Test
    void validatesSarif(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.sarif"),
                "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"dovelint\"}},\"results\":[]}]}");
        assertTrue(Its.sarifErrors(good.toFile()).isEmpty(), () -> "unexpected errors");
        Path bad = Files.writeString(dir.resolve("bad.sarif"), "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}");
        assertFalse(Its.sarifErrors(bad.toFile()).isEmpty());
    }
}
