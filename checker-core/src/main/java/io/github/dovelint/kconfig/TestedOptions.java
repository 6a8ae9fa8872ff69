package io.github.dovelint.kconfig;

import io.github.dovelint.files.SourceOverlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code CONFIG_*} options a source tests, in its own conditionals and in those of the
 * headers it includes that can be found (next to the including file, then in the include
 * directories), as {@link ConfigConditionals} reads them. Each file is read once; thread-safe.
 * A file that cannot be read tests nothing (the parser reports it).
 */
public final class TestedOptions {

    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*#\\s*include\\s*([\"<])([^\">]+)[\">]");

    private final List<Path> includeDirs;
    private final SourceOverlay overlay;
    /** Per file, the options its own conditionals test and the files it includes. */
    private final Map<Path, Own> own = new ConcurrentHashMap<>();

    private record Own(SortedSet<String> options, List<Path> includes) {
    }

    public TestedOptions(List<Path> includeDirs) {
        this(includeDirs, SourceOverlay.NONE);
    }

    /** Reading the overlay's texts instead of the files it covers. */
    public TestedOptions(List<Path> includeDirs, SourceOverlay overlay) {
        this.includeDirs = includeDirs.stream().map(d -> d.toAbsolutePath().normalize()).toList();
        this.overlay = overlay;
    }

    /** The options {@code source} and the headers it includes test. */
    public SortedSet<String> of(Path source) {
        SortedSet<String> out = new TreeSet<>();
        Set<Path> seen = new HashSet<>();
        collect(source.toAbsolutePath().normalize(), out, seen);
        return out;
    }

    private void collect(Path file, SortedSet<String> out, Set<Path> seen) {
        if (!seen.add(file) || seen.size() > 10_000) {
            return;
        }
        Own o = own.computeIfAbsent(file, this::read);
        out.addAll(o.options());
        for (Path inc : o.includes()) {
            collect(inc, out, seen);
        }
    }

    private Own read(Path file) {
        String text;
        try {
            text = new String(overlay.read(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Own(new TreeSet<>(), List.of());
        }
        java.util.ArrayList<Path> includes = new java.util.ArrayList<>();
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            Path found = resolve(file, m.group(1).equals("\""), m.group(2).trim());
            if (found != null) {
                includes.add(found);
            }
        }
        return new Own(ConfigConditionals.tested(text), List.copyOf(includes));
    }

    private Path resolve(Path from, boolean quoted, String name) {
        try {
            if (quoted && from.getParent() != null) {
                Path p = from.getParent().resolve(name).normalize();
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            for (Path dir : includeDirs) {
                Path p = dir.resolve(name).normalize();
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        } catch (RuntimeException e) {
            // an invalid path names no file
        }
        return null;
    }
}
