package io.github.dovelint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of a kernel tree that {@code kb derive} analyses: everything but the separate
 * programs built from the same tree (docs/kernel-db.md#what-is-derived), whose functions share
 * names with the kernel's ({@code memcpy}, {@code warn}) and are never linked with it: the
 * user-space {@code tools/}, {@code scripts/}, {@code samples/}, {@code usr/},
 * {@code Documentation/}, and each architecture's {@code boot/} programs.
 */
final class KernelParts {

    static final Set<String> SEPARATE = Set.of("tools", "scripts", "samples", "usr", "Documentation");

    private KernelParts() {
    }

    static List<Path> of(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : sorted(root)) {
            String name = p.getFileName().toString();
            if (SEPARATE.contains(name) || !Files.isDirectory(p)) {
                continue; // the files at the top (Makefile, Kconfig...) are no C sources
            }
            if (name.equals("arch") && Files.isDirectory(p)) {
                for (Path a : sorted(p)) {
                    if (!Files.isDirectory(a)) {
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
            out.add(p);
        }
        return out;
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
