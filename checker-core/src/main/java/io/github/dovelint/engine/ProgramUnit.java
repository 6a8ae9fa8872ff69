package io.github.dovelint.engine;

import io.github.dovelint.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files analysed together as one program (one call graph) and the
 * configuration that applies to them.
 */
final class ProgramUnit {
    final Path directory;
    final Config config;
    final List<Path> sources = new ArrayList<>();

    ProgramUnit(Path directory, Config config) {
        this.directory = directory;
        this.config = config;
    }
}
