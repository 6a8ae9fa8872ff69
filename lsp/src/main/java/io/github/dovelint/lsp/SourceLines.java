package io.github.dovelint.lsp;

import io.github.dovelint.files.SourceOverlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of the files one publication reads, each file read once, as the analysis read them
 * (an unsaved buffer's text where there is one); "" for what cannot be read.
 */
final class SourceLines {

    private final SourceOverlay buffers;
    private final Map<Path, List<String>> files = new HashMap<>();

    SourceLines(SourceOverlay buffers) {
        this.buffers = buffers;
    }

    /** Line {@code number} (1-based) of {@code file}, or "". */
    String line(Path file, int number) {
        List<String> all = files.computeIfAbsent(file, f -> {
            try {
                return new String(buffers.read(f), StandardCharsets.UTF_8).lines().toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return number >= 1 && number <= all.size() ? all.get(number - 1) : "";
    }
}
