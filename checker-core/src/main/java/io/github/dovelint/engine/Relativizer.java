package io.github.dovelint.engine;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spells file names the way reports show them: relative to the checked root
 * with {@code /} separators. A report never names a file outside the root
 * (no {@code ..}, no absolute path, whether it comes from the command line, a
 * {@code #line} directive, an include directory or a compile_commands.json):
 * such a file is shown as {@value #OUTSIDE}{@code /<file name>}. Thread-safe.
 */
public final class Relativizer {

    /** The directory name that stands for "outside the checked root" in reports. */
    public static final String OUTSIDE = "<outside-root>";

    private final Path root;
    /** Where each outside-root name came from, so snippets can still be read. */
    private final Map<String, Path> outside = new ConcurrentHashMap<>();

    public Relativizer(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public String apply(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(root)) {
            String s = root.relativize(abs).toString().replace('\\', '/');
            return s.isEmpty() ? "." : s;
        }
        Path name = abs.getFileName();
        String shown = OUTSIDE + "/" + (name == null ? "" : name.toString());
        outside.putIfAbsent(shown, abs);
        return shown;
    }

    public String apply(String absoluteFile) {
        if (absoluteFile.startsWith("/<dovelint>")) {
            return absoluteFile;
        }
        try {
            Path p = Path.of(absoluteFile);
            // a relative name (from a #line directive) is relative to the root, never to the working directory
            return apply(p.isAbsolute() ? p : root.resolve(p));
        } catch (InvalidPathException e) {
            return OUTSIDE + "/" + absoluteFile.replaceAll("[\\\\/\\x00]", "_");
        }
    }

    /** The absolute path of a file as reports spell it. */
    public Path resolve(String shown) {
        Path known = outside.get(shown);
        if (known != null) {
            return known;
        }
        try {
            Path p = Path.of(shown);
            return p.isAbsolute() ? p : root.resolve(p).normalize();
        } catch (InvalidPathException e) {
            return root.resolve("<invalid>");
        }
    }

    /** A path for an error message (not a report): relative inside the root, absolute outside. */
    public String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? apply(abs) : abs.toString();
    }

    /** {@link #shown(Path)} of a file name, or the name as is when it is no path. */
    public String shown(String file) {
        try {
            return shown(Path.of(file));
        } catch (RuntimeException e) {
            return file;
        }
    }
}
