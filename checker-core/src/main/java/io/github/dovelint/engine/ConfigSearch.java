package io.github.dovelint.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project configuration: the nearest {@code .dovelint.yml} in a
 * checked directory or above it, up to the checked root (like .editorconfig
 * or .clang-tidy). Paths are tried in order; the first hit wins.
 */
final class ConfigSearch {

    private ConfigSearch() {
    }

    static Optional<Path> find(List<Path> paths, Path root, String name) {
        for (Path p : paths) {
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            while (dir != null) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
                if (dir.equals(root) || !dir.startsWith(root)) {
                    break;
                }
                dir = dir.getParent();
            }
        }
        return Optional.empty();
    }
}
