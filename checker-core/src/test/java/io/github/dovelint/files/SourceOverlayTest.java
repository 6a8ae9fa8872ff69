package io.github.dovelint.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SourceOverlay}: its texts for the paths it covers, however they are spelt; the disk for the others. */
class SourceOverlayTest {

    @TempDir
    Path tmp;

    @Test
    void coveredPathsReadAsTheTextAndOthersAsTheDisk() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.c"), "int a;\n");
        Path b = Files.writeString(tmp.resolve("b.c"), "int b;\n");
        SourceOverlay overlay = SourceOverlay.of(Map.of(a, "int \u00e9;\n"));
        assertTrue(overlay.covers(tmp.resolve("sub/../a.c")), "normalised");
        assertFalse(overlay.covers(b));
        assertArrayEquals("int \u00e9;\n".getBytes(StandardCharsets.UTF_8), overlay.read(a));
        assertEquals(8, overlay.size(a), "UTF-8 bytes, as a saved file would hold");
        assertArrayEquals("int b;\n".getBytes(StandardCharsets.UTF_8), overlay.read(b));
        assertEquals(Optional.empty(), overlay.text(b));
        assertEquals(List.of(a.toAbsolutePath().normalize()), List.copyOf(overlay.files()));
        overlay.read(a)[0] = 'X';
        assertEquals(Optional.of("int \u00e9;\n"), overlay.text(a), "immutable");
    }

    @Test
    void noTextsIsNone() {
        assertTrue(SourceOverlay.of(Map.of()).isEmpty());
        assertFalse(SourceOverlay.NONE.covers(tmp.resolve("a.c")));
    }
}
