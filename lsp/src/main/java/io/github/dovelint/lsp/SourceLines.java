package io.github.dovelint.lsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lines of the files one publication reads, each file read once; "" for what cannot be read. */
final class SourceLines {

    private final Map<Path, List<String>> files = new HashMap<>();

    /** Line {@code number} (1-based) of {@code file}, or "". */
    String line(Path file, int number) {
        List<String> all = files.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return number >= 1 && number <= all.size() ? all.get(number - 1) : "";
    }
}
