package io.github.dovelint.engine;

import io.github.dovelint.Location;
import io.github.dovelint.Problem;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the C sources ({@code .c}) and headers ({@code .h}) under the paths
 * of a run. Symbolic links to directories are not followed (no loops); an
 * unreadable directory is a problem, not a crash. Results are sorted.
 */
final class SourceFiles {

    final List<Path> sources = new ArrayList<>();
    final List<Path> headers = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static SourceFiles find(List<Path> paths, Predicate<Path> excluded, java.util.function.Function<Path, String> rel) {
        SourceFiles out = new SourceFiles();
        TreeSet<Path> c = new TreeSet<>();
        TreeSet<Path> h = new TreeSet<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                // A file named explicitly is analysed whatever it is called
                // like a header; anything else is a mistake worth saying.
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".c") || name.endsWith(".h")) {
                    c.add(p);
                } else {
                    out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(p), 0, 0),
                            "not a C source file (.c or .h): skipped"));
                }
                continue;
            }
            try {
                Files.walkFileTree(p, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                if (!dir.equals(p) && (excluded.test(dir) || isHidden(dir))) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && !excluded.test(file)) {
                                    classify(file, c, h);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(file), 0, 0),
                                        "cannot read: " + reason(e)));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(p), 0, 0),
                        "cannot read: " + reason(e)));
            }
        }
        out.sources.addAll(c);
        out.headers.addAll(h);
        return out;
    }

    private static boolean isHidden(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().startsWith(".") && name.toString().length() > 1
                && !name.toString().equals("..");
    }

    private static void classify(Path file, TreeSet<Path> c, TreeSet<Path> h) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".c")) {
            c.add(file);
        } else if (name.endsWith(".h")) {
            h.add(file);
        }
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return kind.isEmpty() || "IO".equals(kind) ? String.valueOf(m) : kind + (m == null ? "" : " (" + m + ")");
    }
}
