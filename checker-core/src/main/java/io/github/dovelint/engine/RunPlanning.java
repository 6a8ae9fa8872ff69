package io.github.dovelint.engine;

import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.config.Config;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.RuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The first stage of a run. Takes the {@link RunSettings}; gives the {@link RunPlan}: the
 * checked paths validated, the configuration read (the nearest {@value RunSettings#CONFIG_FILE}
 * unless one is given), the effective limits and knowledge base, the source files found, and
 * those grouped into program units, each with its own configuration when its directory has one.
 * Every configuration file read is recorded in the run's {@link ConfigDigest}.
 */
final class RunPlanning {

    private final RunSettings settings;
    private final Relativizer relativizer;
    private final ConfigReader configs;

    RunPlanning(RunSettings settings, Relativizer relativizer, ConfigDigest digest) {
        this.settings = settings;
        this.relativizer = relativizer;
        this.configs = new ConfigReader(relativizer, digest);
    }

    RunPlan plan() throws AnalysisException {
        for (Path p : settings.paths()) {
            if (!Files.exists(p)) {
                throw new AnalysisException(new Location(relativizer.shown(p), 0, 0), "no such file or directory");
            }
            if (!Files.isReadable(p)) {
                throw new AnalysisException(new Location(relativizer.shown(p), 0, 0), "not readable");
            }
        }
        Config runConfig = runConfig();
        Limits limits = effectiveLimits(runConfig);
        KnowledgeBase base = settings.knowledge() != null ? settings.knowledge() : configs.bundledKnowledge();
        KernelDbChoice db = settings.kernelDb() != null ? settings.kernelDb()
                : runConfig.kernelDb().map(Config.KernelDbSetting::choice).orElse(KernelDbChoice.DEFAULT);
        if (settings.programSink() == null) { // a derivation reads no database
            base = configs.withKernelDb(base, db);
        }
        Map<String, RuleDescriptor> descriptors = RuleCatalog.byId(settings.rules());
        configs.checkRuleIds(runConfig, descriptors);
        SourceFiles files = SourceFiles.find(settings.paths(), p -> excluded(runConfig, p), relativizer::apply);
        return new RunPlan(runConfig, limits, base, descriptors, files,
                groupIntoUnits(files.sources, runConfig, descriptors));
    }

    private Config runConfig() throws AnalysisException {
        Path file = settings.configFile();
        if (file == null) {
            file = ConfigSearch.find(settings.paths(), settings.root(), RunSettings.CONFIG_FILE).orElse(null);
        } else if (!Files.isRegularFile(file)) {
            throw new AnalysisException(new Location(relativizer.shown(file), 0, 0), "configuration file not found");
        }
        return file == null ? Config.empty() : configs.load(file);
    }

    /** The caller's limits where they differ from the defaults, else the configuration's. */
    private Limits effectiveLimits(Config config) {
        Limits fromConfig = config.limits().orElse(Limits.DEFAULT);
        Limits given = settings.limits();
        if (given == null) {
            return fromConfig;
        }
        Limits d = Limits.DEFAULT;
        return new Limits(
                given.maxFileBytes() != d.maxFileBytes() ? given.maxFileBytes() : fromConfig.maxFileBytes(),
                !given.fileTimeout().equals(d.fileTimeout()) ? given.fileTimeout() : fromConfig.fileTimeout(),
                given.maxAstDepth() != d.maxAstDepth() ? given.maxAstDepth() : fromConfig.maxAstDepth());
    }

    private static boolean excluded(Config config, Path p) {
        Path dir = config.directory();
        return dir != null && p.startsWith(dir) && !p.equals(dir) && config.isExcluded(dir.relativize(p));
    }

    /**
     * Each source goes to the unit the run's configuration puts it in (the root's by default);
     * a unit with its own configuration may exclude some of them.
     */
    private Map<Path, ProgramUnit> groupIntoUnits(List<Path> sources, Config runConfig,
                                                  Map<String, RuleDescriptor> descriptors) throws AnalysisException {
        Map<Path, Config> configOf = new TreeMap<>();
        Map<Path, List<Path>> sourcesOf = new TreeMap<>();
        Path configDir = runConfig.directory();
        for (Path source : sources) {
            Path unitDir = settings.root();
            if (configDir != null && source.startsWith(configDir)) {
                Optional<Path> unit = runConfig.unitOf(configDir.relativize(source));
                if (unit.isPresent()) {
                    unitDir = configDir.resolve(unit.get());
                }
            }
            Config config = configOf.get(unitDir);
            if (config == null) {
                config = unitConfig(unitDir, runConfig, descriptors);
                configOf.put(unitDir, config);
                sourcesOf.put(unitDir, new ArrayList<>());
            }
            if (config != runConfig && config.directory() != null && source.startsWith(config.directory())
                    && config.isExcluded(config.directory().relativize(source))) {
                continue;
            }
            sourcesOf.get(unitDir).add(source);
        }
        Map<Path, ProgramUnit> units = new TreeMap<>();
        configOf.forEach((dir, config) -> units.put(dir, new ProgramUnit(dir, config, sourcesOf.get(dir))));
        return units;
    }

    private Config unitConfig(Path unitDir, Config runConfig, Map<String, RuleDescriptor> descriptors)
            throws AnalysisException {
        Path file = unitDir.resolve(RunSettings.CONFIG_FILE);
        boolean own = Files.isRegularFile(file)
                && (runConfig.directory() == null || !unitDir.equals(runConfig.directory()))
                && settings.configFile() == null;
        if (!own) {
            return runConfig;
        }
        Config merged = configs.load(file).over(runConfig);
        configs.checkRuleIds(merged, descriptors);
        return merged;
    }
}
