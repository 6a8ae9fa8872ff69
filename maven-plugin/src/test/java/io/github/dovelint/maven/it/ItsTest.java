package io.github.dovelint.maven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IT helpers: the schema check accepts valid SARIF and rejects broken SARIF; a log splits by invocation. */
class ItsTest {

    @Test
    void validatesSarif(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.sarif"),
                "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"dovelint\"}},\"results\":[]}]}");
        assertTrue(Its.sarifErrors(good.toFile()).isEmpty(), () -> "unexpected errors");
        Path bad = Files.writeString(dir.resolve("bad.sarif"), "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}");
        assertFalse(Its.sarifErrors(bad.toFile()).isEmpty());
    }

    @Test
    void splitsALogByInvocation() {
        String log = "[INFO] Running\n[INFO] Scanning for projects...\nfirst\n[INFO] BUILD SUCCESS\n"
                + "[INFO] Scanning for projects...\nsecond\n[INFO] BUILD FAILURE\n";
        List<String> parts = Its.invocations(log);
        assertEquals(2, parts.size(), parts.toString());
        assertTrue(parts.get(0).contains("first") && !parts.get(0).contains("second"), parts.get(0));
        assertTrue(parts.get(1).contains("second") && parts.get(1).contains("BUILD FAILURE"), parts.get(1));
    }
}
