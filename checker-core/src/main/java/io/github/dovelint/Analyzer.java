package io.github.dovelint;

import io.github.dovelint.engine.Engine;
import io.github.dovelint.engine.ParseScope;
import io.github.dovelint.engine.ProgressListener;
import io.github.dovelint.engine.RuleCatalog;
import io.github.dovelint.engine.RunSettings;
import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.rules.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The public entry point of dovelint: sources and settings in, findings out.
 * The CLI, the Maven plugin and the Eclipse builder are thin adapters over
 * this class. An Analyzer is immutable; {@link #run()} may be called from
 * several threads.
 *
 * <pre>{@code
 * AnalysisResult r = Analyzer.builder()
 *         .root(Path.of("."))
 *         .paths(List.of(Path.of("kernel/evl")))
 *         .build()
 *         .run();
 * }</pre>
 */
public final class Analyzer {

    /** The name of the project configuration file looked up in the checked tree. */
    public static final String CONFIG_FILE = RunSettings.CONFIG_FILE;

    /** The usual facts cache folder, under the checked root. */
    public static final String DEFAULT_CACHE_DIR = ".dovelint-cache";

    private final RunSettings settings;

    private Analyzer(RunSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Analyses the sources.
     *
     * @throws AnalysisException when the run cannot be done: a missing path, an
     *                           invalid configuration (with its location)
     * @throws java.util.concurrent.CancellationException when the {@link Builder#progress
     *                           progress listener} asked the run to stop
     *                           ({@link ProgressListener#cancelled()})
     */
    public AnalysisResult run() throws AnalysisException {
        return new Engine(settings).run();
    }

    /** The rules found on the class path ({@code META-INF/services/io.github.dovelint.rules.Rule}), by id. */
    public static List<Rule> discoverRules(ClassLoader loader) {
        Map<String, Rule> byId = new java.util.TreeMap<>();
        for (Rule r : ServiceLoader.load(Rule.class, loader)) {
            byId.putIfAbsent(r.descriptor().id(), r);
        }
        return List.copyOf(byId.values());
    }

    /**
     * Every rule dovelint knows, sorted by id: the rules on the class path and
     * the engine's own suppression checks (DL001, DL002).
     */
    public static List<RuleDescriptor> catalog() {
        return catalog(discoverRules(Analyzer.class.getClassLoader()));
    }

    /** The descriptors of {@code rules} and of the engine's own suppression checks, sorted by id. */
    public static List<RuleDescriptor> catalog(List<Rule> rules) {
        return RuleCatalog.of(rules);
    }

    /**
     * Which files a run parses. A run can index every file lexically and parse only the part
     * of the program its rules can look at ({@link io.github.dovelint.rules.Scope}), listing
     * the others as out of reach ({@link AnalysisResult#outOfReach()}): the findings are the
     * same as when every file is parsed, the parse problems of files out of reach are not
     * reported, and a whole kernel tree takes seconds instead of minutes.
     */
    public enum Scope {
        /** Only the rules' reach in a unit of more than {@link #AUTO_THRESHOLD} sources, else every file. */
        AUTO,
        /** Every file. */
        ALL,
        /** Only the rules' reach, whatever the size. */
        REACH;

        /** Units with more sources than this are sliced under {@link #AUTO}. */
        public static final int AUTO_THRESHOLD = ParseScope.AUTO_THRESHOLD;

        /** Whether a unit of {@code sources} files is sliced. */
        public boolean slices(int sources) {
            return engineScope().slices(sources);
        }

        ParseScope engineScope() {
            return ParseScope.valueOf(name());
        }
    }

    /** Builds an {@link Analyzer}. */
    public static final class Builder {
        private Path root = Path.of("");
        private final List<Path> paths = new ArrayList<>();
        private Path configFile;
        private final List<Path> includeDirs = new ArrayList<>();
        private final Map<String, String> defines = new LinkedHashMap<>();
        private Path compileCommands;
        private int threads = Runtime.getRuntime().availableProcessors();
        private List<Rule> rules;
        private KnowledgeBase knowledge;
        private Limits limits;
        private Path cacheDir;
        private ProgressListener progress;
        private Scope scope = Scope.AUTO;
        private KernelDbChoice kernelDb;
        private io.github.dovelint.engine.ProgramSink programSink;
        private Boolean configPass;
        private io.github.dovelint.files.SourceOverlay overlay;

        private Builder() {
        }

        /** The checked root (default: the working directory). */
        public Builder root(Path value) {
            root = Objects.requireNonNull(value);
            return this;
        }

        public Builder path(Path value) {
            paths.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder paths(List<Path> values) {
            values.forEach(this::path);
            return this;
        }

        public Builder configFile(Path value) {
            configFile = value;
            return this;
        }

        public Builder includeDir(Path value) {
            includeDirs.add(Objects.requireNonNull(value));
            return this;
        }

        /** {@code -DNAME=VALUE}; an empty value means {@code -DNAME}. */
        public Builder define(String name, String value) {
            defines.put(Objects.requireNonNull(name), value == null ? "" : value);
            return this;
        }

        public Builder compileCommands(Path value) {
            compileCommands = value;
            return this;
        }

        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            threads = value;
            return this;
        }

        /** The rules to run (default: every rule on the class path). */
        public Builder rules(List<Rule> value) {
            rules = List.copyOf(value);
            return this;
        }

        /** The knowledge base before project configuration (default: the bundled one). */
        public Builder knowledge(KnowledgeBase value) {
            knowledge = value;
            return this;
        }

        /**
         * Caches per-file facts in this folder (created when needed), so that
         * the next run re-parses only what changed; null (the default) for no
         * cache. The CLI uses {@value #DEFAULT_CACHE_DIR} under the root.
         */
        public Builder cacheDir(Path value) {
            cacheDir = value;
            return this;
        }

        /** Hears the run advance and may cancel it (default: nothing). */
        public Builder progress(ProgressListener value) {
            progress = value;
            return this;
        }

        /**
         * Per-file budgets (default: the configuration's {@code limits:} section over
         * {@link Limits#DEFAULT}). Values set here win over the configuration.
         */
        public Builder limits(Limits value) {
            limits = value;
            return this;
        }

        /** Which files are parsed (default {@link Scope#AUTO}). */
        public Builder scope(Scope value) {
            scope = value;
            return this;
        }

        /**
         * Loads this kernel database file under the knowledge base (default: the configuration's
         * {@code kernel-db:}, else the newest shipped one); see docs/kernel-db.md#choosing.
         */
        public Builder kernelDb(Path value) {
            kernelDb = value == null ? null : KernelDbChoice.file(value);
            return this;
        }

        /**
         * Selects the kernel database as a setting is written: a shipped one by name
         * ({@code linux-6.1}, {@code linux-6.12}), {@code none}, or a file (relative to the root).
         */
        public Builder kernelDb(String setting) {
            kernelDb = setting == null ? null : KernelDbChoice.parse(setting, null);
            return this;
        }

        /** Selects the kernel database (default: the configuration's, else {@link KernelDbChoice#DEFAULT}). */
        public Builder kernelDb(KernelDbChoice choice) {
            kernelDb = choice;
            return this;
        }

        /** Hears each program unit's call graph (default: nothing); the run then never replays a record. */
        public Builder programSink(io.github.dovelint.engine.ProgramSink value) {
            programSink = value;
            return this;
        }

        /**
         * Whether the files the rules reach are also analysed with the {@code CONFIG_*} options
         * they test defined, when no real configuration is given (docs/configurations.md); null
         * (the default) for the configuration's {@code config-pass:}, else on.
         */
        public Builder configPass(Boolean value) {
            configPass = value;
            return this;
        }

        /**
         * Reads these texts instead of the files they stand for (default: none), as an editor's
         * unsaved buffers; the cache folder stays true of the files on disk
         * (docs/robustness.md#unsaved-buffers).
         */
        public Builder overlay(io.github.dovelint.files.SourceOverlay value) {
            overlay = value;
            return this;
        }

        public Analyzer build() {
            Path absRoot = root.toAbsolutePath().normalize();
            List<Path> absPaths = new ArrayList<>();
            for (Path p : paths.isEmpty() ? List.of(root) : paths) {
                absPaths.add(absRoot.resolve(p).toAbsolutePath().normalize());
            }
            List<Rule> r = rules != null ? rules : discoverRules(Analyzer.class.getClassLoader());
            return new Analyzer(new RunSettings(absRoot, absPaths,
                    configFile == null ? null : absRoot.resolve(configFile).normalize(),
                    includeDirs.stream().map(p -> absRoot.resolve(p).normalize()).toList(), defines,
                    compileCommands == null ? null : absRoot.resolve(compileCommands).normalize(),
                    threads, r, knowledge, limits, cacheDir == null ? null : absRoot.resolve(cacheDir).normalize(),
                    progress, scope == null ? null : scope.engineScope(),
                    kernelDb == null || kernelDb.file() == null ? kernelDb
                            : KernelDbChoice.file(absRoot.resolve(kernelDb.file()).normalize()), programSink,
                    configPass, overlay));
        }
    }
}
