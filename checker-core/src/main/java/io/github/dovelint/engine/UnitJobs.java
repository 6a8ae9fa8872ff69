package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.config.Config;
import io.github.dovelint.config.RuleSetting;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kconfig.GivenConfiguration;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.slice.Slicer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readies each program unit. Takes the {@link RunPlan} and a unit; gives its {@link UnitJob}:
 * the unit's knowledge base, parse options (the configuration's, then the caller's), fact
 * cache, rules, whether it is sliced, and the key of its run record.
 */
final class UnitJobs {

    private final RunContext run;
    private final RunPlan plan;
    private final ConfigReader configs;
    /** The configuration digest the run records are keyed on, taken once the plan was read. */
    private final String configDigest;

    UnitJobs(RunContext run, RunPlan plan) {
        this.run = run;
        this.plan = plan;
        this.configs = new ConfigReader(run.relativizer(), run.digest());
        this.configDigest = run.digest().digest(run.settings(), run.limits());
    }

    UnitJob prepare(ProgramUnit unit) throws AnalysisException {
        RunSettings settings = run.settings();
        KnowledgeBase kb = configs.knowledge(unit.config(), plan.knowledge());
        ParseOptions options = parseOptions(unit.config());
        FactCache cache = settings.cacheDir() == null ? null
                : FactCaches.forUnit(settings.cacheDir(), run.relativizer().root(), options, kb.oobFields(),
                        kb.guardClasses(), run.fileHashes(), run.cacheWrites(), run.limits());
        List<Rule> rules = enabledRules(unit);
        List<Slicer.Spec> specs = settings.scope().slices(unit.sources().size()) ? SliceSpecs.of(rules, kb) : null;
        // a kernel derivation reads one program; a real configuration is used as given
        boolean wanted = settings.configPass() != null ? settings.configPass()
                : unit.config().configPass().orElse(true);
        boolean configPass = wanted && settings.programSink() == null && GivenConfiguration.of(options.includeDirs(),
                options.defines(), options.compileCommands()).isEmpty();
        String recordKey = cache == null || kb.origin() == null || settings.programSink() != null ? null
                : RunReuse.key(cache.key(), configDigest + " " + kb.origin() + (specs == null ? " all" : " sliced")
                        + (configPass ? " both-configurations" : ""), run.relativizer().apply(unit.directory()));
        return new UnitJob(unit, kb, options, cache, rules, specs, recordKey, new HashSet<>(kb.oobFields()),
                configPass);
    }

    private ParseOptions parseOptions(Config config) {
        RunSettings settings = run.settings();
        ParseOptions fromConfig = config.parse().toParseOptions(true);
        List<Path> include = new ArrayList<>(fromConfig.includeDirs());
        include.addAll(settings.includeDirs());
        Map<String, String> defines = new LinkedHashMap<>(fromConfig.defines());
        defines.putAll(settings.defines());
        Path cc = settings.compileCommands() != null ? settings.compileCommands() : fromConfig.compileCommands();
        return new ParseOptions(include, defines, cc, true);
    }

    /** The rules of the run the unit's configuration does not switch off. */
    private List<Rule> enabledRules(ProgramUnit unit) {
        List<Rule> out = new ArrayList<>();
        for (Rule rule : run.settings().rules()) {
            Optional<RuleSetting> setting = unit.config().rule(plan.descriptors().get(rule.descriptor().id()).id());
            if (setting.isEmpty() || setting.get().enabled()) {
                out.add(rule);
            }
        }
        return out;
    }
}
