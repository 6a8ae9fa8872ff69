package io.github.dovelint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of a kernel tree that {@code kb derive} analyses (docs/kernel-db.md#what-is-derived):
 * everything but the separate programs built from the same tree, whose functions share names
 * with the kernel's ({@code memcpy}, {@code warn}) and are never linked with it (the user-space
 * {@code tools/}, {@code scripts/}, {@code samples/}, {@code usr/}, {@code Documentation/}, and
 * each architecture's {@code boot/} programs), and but the code of kernels Dovetail never runs
 * on: the architectures it has no port for, and the no-MMU memory manager. Those define
 * alternatives of generic functions (docs/kernel-db.md#alternatives) that would only hide what
 * the kernels Dovetail runs on do.
 */
final class KernelParts {

    static final Set<String> SEPARATE = Set.of("tools", "scripts", "samples", "usr", "Documentation");

    /** The architectures Dovetail has been ported to. */
    static final Set<String> DOVETAIL_ARCHS = Set.of("x86", "arm", "arm64");

    /** Files for configurations Dovetail never runs (it needs an MMU), relative to the tree. */
    static final Set<String> NOT_DOVETAIL = Set.of("mm/nommu.c");

    private KernelParts() {
    }

    static List<Path> of(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : sorted(root)) {
            String name = p.getFileName().toString();
            if (SEPARATE.contains(name)) {
                continue;
            }
            if (!Files.isDirectory(p)) {
                if (name.endsWith(".c")) {
                    out.add(p); // a part of a tree (mm/) given as the tree
                }
                continue; // Makefile, Kconfig... at the top of a whole tree
            }
            if (name.equals("arch")) {
                for (Path a : sorted(p)) {
                    if (!Files.isDirectory(a) || !DOVETAIL_ARCHS.contains(a.getFileName().toString())) {
                        continue;
                    }
                    for (Path part : sorted(a)) {
                        if (Files.isDirectory(part) && !part.getFileName().toString().equals("boot")) {
                            out.add(part);
                        }
                    }
                }
                continue;
            }
            addWithout(root, p, out);
        }
        return out;
    }

    /** {@code dir}, or its entries when it holds a file of {@link #NOT_DOVETAIL}, without that file. */
    private static void addWithout(Path root, Path dir, List<Path> out) throws IOException {
        String rel = relative(root, dir) + "/";
        if (NOT_DOVETAIL.stream().noneMatch(f -> f.startsWith(rel))) {
            out.add(dir);
            return;
        }
        for (Path p : sorted(dir)) {
            if (Files.isDirectory(p)) {
                addWithout(root, p, out);
            } else if (p.getFileName().toString().endsWith(".c")
                    && !NOT_DOVETAIL.contains(relative(root, p))) {
                out.add(p);
            }
        }
    }

    /** {@code p} relative to the tree's root, with '/' separators: how the database names files. */
    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
