package io.github.dovelint.engine;

import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.kerneldb.KernelDbs;
import io.github.dovelint.config.Config;
import io.github.dovelint.config.ConfigLoader;
import io.github.dovelint.config.RuleSetting;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.yaml.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the configuration files of a run, records each in the run's {@link ConfigDigest},
 * and turns their errors into {@link AnalysisException}s that name the file as users see it.
 */
final class ConfigReader {

    private final Relativizer relativizer;
    private final ConfigDigest digest;

    ConfigReader(Relativizer relativizer, ConfigDigest digest) {
        this.relativizer = relativizer;
        this.digest = digest;
    }

    Config load(Path file) throws AnalysisException {
        try {
            digest.addFile(relativizer.apply(file), file);
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    KnowledgeBase bundledKnowledge() throws AnalysisException {
        try {
            return KnowledgeBase.bundled();
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    /** {@code base} over the kernel database in {@code file} (docs/kernel-db.md#precedence). */
    KnowledgeBase withKernelDb(KnowledgeBase base, KernelDbChoice choice) throws AnalysisException {
        try {
            KernelDbs.Opened db = KernelDbs.open(choice, choice.file() == null ? choice.toString()
                    : relativizer.shown(choice.file()));
            return db == null ? base : base.withDatabase(db.entries(), db.identity());
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    /** The knowledge base {@code config} makes of {@code base}. */
    KnowledgeBase knowledge(Config config, KnowledgeBase base) throws AnalysisException {
        try {
            return config.knowledge(base);
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    /** Fails on the first rule setting of {@code config} that names no known rule. */
    void checkRuleIds(Config config, Map<String, RuleDescriptor> descriptors) throws AnalysisException {
        for (RuleSetting s : config.rules().values()) {
            if (!descriptors.containsKey(s.ruleId())) {
                Location w = s.where();
                throw new AnalysisException(w == null ? null
                        : new Location(relativizer.apply(w.file()), w.line(), w.column()),
                        "unknown rule '" + s.ruleId() + "' (known: " + String.join(", ", descriptors.keySet()) + ")");
            }
        }
    }

    private AnalysisException located(ConfigException e) {
        Location where = e.location();
        Location shown = where == null ? null
                : new Location(relativizer.shown(where.file()), where.line(), where.column());
        return new AnalysisException(shown, e.detail());
    }
}
