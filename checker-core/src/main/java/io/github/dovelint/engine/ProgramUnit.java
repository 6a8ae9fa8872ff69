package io.github.dovelint.engine;

import io.github.dovelint.config.Config;
import java.nio.file.Path;
import java.util.List;

/**
 * The files analysed together as one program (one call graph) and the
 * configuration that applies to them.
 *
 * @param sources the unit's C sources, sorted
 */
record ProgramUnit(Path directory, Config config, List<Path> sources) {
    ProgramUnit {
        sources = List.copyOf(sources);
    }
}
