package io.github.dovelint.engine;

import java.nio.file.Path;

/**
 * Spells file names the way reports show them: relative to the checked root
 * with {@code /} separators; a file outside the root keeps its absolute path.
 */
public final class Relativizer {

    private final Path root;

    public Relativizer(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public String apply(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    public String apply(String absoluteFile) {
        if (absoluteFile.startsWith("/<dovelint>")) {
            return absoluteFile;
        }
        return apply(Path.of(absoluteFile));
    }

    /** The absolute path of a file as reports spell it. */
    public Path resolve(String shown) {
        Path p = Path.of(shown);
        return p.isAbsolute() ? p : root.resolve(p).normalize();
    }
}
