package io.github.dovelint.config;

import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.KnowledgeOverrides;
import io.github.dovelint.yaml.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's {@code .dovelint.yml}, validated and immutable: per-rule
 * severities, excluded paths, analysis units, knowledge-base overrides and
 * parse settings. Paths and globs are relative to {@link #directory()}.
 */
public final class Config {

    private static final Config EMPTY = new Config(null, Map.of(), List.of(), List.of(),
            KnowledgeOverrides.empty(), ParseSettings.empty());

    private final Path directory;
    private final Map<String, RuleSetting> rules;
    private final List<Glob> excludes;
    private final List<Glob> units;
    private final KnowledgeOverrides overrides;
    private final ParseSettings parse;
    private final io.github.dovelint.model.Limits limits;
    private final KernelDbSetting kernelDb;
    private Boolean configPass;

    /**
     * A {@code kernel-db:} setting (docs/kernel-db.md).
     *
     * @param choice the database: a shipped one, a file (resolved against the configuration's
     *               directory) or none
     * @param where  where the setting was written
     */
    public record KernelDbSetting(io.github.dovelint.kerneldb.KernelDbChoice choice,
                                  io.github.dovelint.model.Location where) {
    }

    /**
     * The {@code config-pass:} setting (docs/configurations.md#turning-it-off): false when the
     * configuration turns the second configuration off; empty when it says nothing.
     */
    public Optional<Boolean> configPass() {
        return Optional.ofNullable(configPass);
    }

    /** This configuration with {@code config-pass:} set to {@code value}. */
    Config withConfigPass(Boolean value) {
        Config c = new Config(directory, rules, excludes, units, overrides, parse, limits, kernelDb);
        c.configPass = value;
        return c;
    }

    /** The kernel database this configuration selects, if any. */
    public java.util.Optional<KernelDbSetting> kernelDb() {
        return java.util.Optional.ofNullable(kernelDb);
    }

    Config(Path directory, Map<String, RuleSetting> rules, List<Glob> excludes, List<Glob> units,
           KnowledgeOverrides overrides, ParseSettings parse) {
        this(directory, rules, excludes, units, overrides, parse, null);
    }

    Config(Path directory, Map<String, RuleSetting> rules, List<Glob> excludes, List<Glob> units,
           KnowledgeOverrides overrides, ParseSettings parse, io.github.dovelint.model.Limits limits) {
        this(directory, rules, excludes, units, overrides, parse, limits, null);
    }

    Config(Path directory, Map<String, RuleSetting> rules, List<Glob> excludes, List<Glob> units,
           KnowledgeOverrides overrides, ParseSettings parse, io.github.dovelint.model.Limits limits,
           KernelDbSetting kernelDb) {
        this.kernelDb = kernelDb;
        this.limits = limits;
        this.directory = directory;
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.excludes = List.copyOf(excludes);
        this.units = List.copyOf(units);
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    /** No settings: every rule at its default, nothing excluded, one program. */
    public static Config empty() {
        return EMPTY;
    }

    /** The directory holding the configuration file (absolute), or null for an empty or in-memory config. */
    public Path directory() {
        return directory;
    }

    /** Rule settings by rule id, in file order. */
    public Map<String, RuleSetting> rules() {
        return rules;
    }

    /** The setting of one rule, empty when the configuration says nothing about it. */
    public Optional<RuleSetting> rule(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }

    /** The exclude patterns as written (those of parent configurations first). */
    public List<String> excludes() {
        return excludes.stream().map(Glob::pattern).toList();
    }

    /**
     * Whether a file or directory, given relative to {@link #directory()}, is
     * excluded. Patterns follow .gitignore conventions (see {@link Glob#path}):
     * {@code vendor/**} excludes everything under {@code vendor},
     * {@code *.mod.c} matches that name at any depth.
     */
    public boolean isExcluded(Path relativeToConfigDir) {
        for (Glob g : excludes) {
            if (g.matches(relativeToConfigDir, directory)) {
                return true;
            }
        }
        return false;
    }

    /** The unit patterns as written (those of parent configurations first). */
    public List<String> units() {
        return units.stream().map(Glob::pattern).toList();
    }

    /** Whether a directory (relative to {@link #directory()}) is an analysis unit of its own. */
    public boolean isUnit(Path relativeDir) {
        for (Glob g : units) {
            if (g.matches(relativeDir, directory)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The unit a file belongs to: its outermost ancestor directory (relative
     * to {@link #directory()}) that matches a unit pattern; empty when the file
     * is in no unit and belongs to the remaining program.
     */
    public Optional<Path> unitOf(Path relativeFile) {
        Path parent = relativeFile.normalize().getParent();
        if (parent == null) {
            return Optional.empty();
        }
        for (int i = 1; i <= parent.getNameCount(); i++) {
            Path candidate = parent.subpath(0, i);
            if (isUnit(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The knowledge-base overrides of this configuration. */
    public KnowledgeOverrides overrides() {
        return overrides;
    }

    /**
     * {@code base} with this configuration's {@code functions}, {@code gfp},
     * {@code hooks} and {@code oob-fields} applied.
     *
     * @throws ConfigException located in this configuration, when a GFP mask
     *                         uses an unknown name or forms a cycle, or a merged function entry is inconsistent
     */
    public KnowledgeBase knowledge(KnowledgeBase base) throws ConfigException {
        return base.withOverrides(overrides);
    }

    /** The per-file budgets of the {@code limits:} section (missing keys at their defaults), if there is one. */
    public Optional<io.github.dovelint.model.Limits> limits() {
        return Optional.ofNullable(limits);
    }

    /** The parse settings (include dirs resolved against {@link #directory()}). */
    public ParseSettings parse() {
        return parse;
    }

    /**
     * This (a nested unit's) configuration on top of {@code parent} (the
     * run's): rule settings, function fields, GFP names, defines and
     * compile-commands of this one win; exclude, unit and include lists are
     * appended, each pattern staying relative to the file that wrote it.
     */
    public Config over(Config parent) {
        Map<String, RuleSetting> r = new LinkedHashMap<>(parent.rules);
        r.putAll(rules);
        List<Glob> ex = new ArrayList<>(parent.excludes);
        ex.addAll(excludes);
        List<Glob> un = new ArrayList<>(parent.units);
        un.addAll(units);
        return new Config(directory != null ? directory : parent.directory, r, ex, un,
                overrides.over(parent.overrides), parse.over(parent.parse),
                limits != null ? limits : parent.limits, kernelDb != null ? kernelDb : parent.kernelDb)
                .withConfigPass(configPass != null ? configPass : parent.configPass);
    }

    @Override
    public String toString() {
        return "Config[" + (directory == null ? "empty" : directory) + "]";
    }
}
