package io.github.dovelint.engine;

import io.github.dovelint.config.Config;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.RuleDescriptor;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run works on, decided before any file is parsed.
 *
 * @param config      the run's configuration (units may have their own over it)
 * @param limits      the effective per-file budgets
 * @param knowledge   the knowledge base before any unit's configuration
 * @param descriptors every rule the run knows, by id
 * @param files       the sources and headers found, and the problems finding them
 * @param units       the program units, by directory
 */
record RunPlan(Config config, Limits limits, KnowledgeBase knowledge, Map<String, RuleDescriptor> descriptors,
               SourceFiles files, Map<Path, ProgramUnit> units) {

    /** The number of sources of all units. */
    int sourceCount() {
        return units.values().stream().mapToInt(u -> u.sources().size()).sum();
    }

    /** The configuration that applies to a file: that of the deepest unit holding it, else the run's. */
    Config configFor(Path file) {
        ProgramUnit best = null;
        for (ProgramUnit u : units.values()) {
            if (file.startsWith(u.directory())
                    && (best == null || u.directory().getNameCount() > best.directory().getNameCount())) {
                best = u;
            }
        }
        return best == null ? config : best.config();
    }
}
