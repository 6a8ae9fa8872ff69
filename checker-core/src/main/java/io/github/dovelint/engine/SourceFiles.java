package io.github.dovelint.engine;

import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
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
            if (!Files.isDirectory(p) && !Files.isRegularFile(p) && !Files.isSymbolicLink(p)) {
                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(p), 0, 0),
                        "skipped: not a regular file (a FIFO, socket or device)"));
                continue;
            }
            if (Files.isRegularFile(p)) {
                // A file named explicitly is analysed whatever it is called
                // like a header; anything else is a mistake worth saying.
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".c") || name.endsWith(".h")) {
                    c.add(p);
                } else {
                    out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(p), 0, 0),
                            "skipped: not a C source file (.c or .h)"));
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
                                if (excluded.test(file)) {
                                    return FileVisitResult.CONTINUE;
                                }
                                if (attrs.isRegularFile()) {
                                    classify(file, c, h);
                                } else if (attrs.isSymbolicLink()) {
                                    symlink(file, c, h, out, rel);
                                } else if (attrs.isOther() && looksLikeC(file)) {
                                    // reading a FIFO would block for ever; a device could be endless
                                    out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(file), 0, 0),
                                            "skipped: not a regular file (a FIFO, socket or device)"));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(file), 0, 0),
                                        "skipped: cannot read: " + reason(e)));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(p), 0, 0),
                        "skipped: cannot read: " + reason(e)));
            }
        }
        out.sources.addAll(c);
        out.headers.addAll(h);
        return out;
    }

    /**
     * A symbolic link met in a tree: one to a C file is analysed under the
     * link's name; one that dangles or loops (and is named like a C file) is a
     * located problem; links to directories are not followed, so a link back
     * to an ancestor cannot make the walk loop.
     */
    private static void symlink(Path file, TreeSet<Path> c, TreeSet<Path> h, SourceFiles out,
                                java.util.function.Function<Path, String> rel) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean looksLikeC = name.endsWith(".c") || name.endsWith(".h");
        try {
            Path target = file.toRealPath();
            if (Files.isRegularFile(target)) {
                classify(file, c, h);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            if (looksLikeC) {
                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(file), 0, 0),
                        "skipped: dangling symbolic link (its target does not exist)"));
            }
        } catch (IOException e) {
            if (looksLikeC) {
                String m = String.valueOf(e.getMessage());
                out.problems.add(new Problem(Problem.Kind.INPUT, new Location(rel.apply(file), 0, 0),
                        m.contains("levels of symbolic links") || e instanceof java.nio.file.FileSystemLoopException
                                ? "skipped: symbolic link loop" : "skipped: cannot follow symbolic link: " + reason(e)));
            }
        }
    }

    private static boolean looksLikeC(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".c") || name.endsWith(".h");
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
