package io.github.dovelint.engine;

import io.github.dovelint.AnalysisException;
import io.github.dovelint.AnalysisResult;
import io.github.dovelint.Analyzer;
import io.github.dovelint.CallChain;
import io.github.dovelint.Finding;
import io.github.dovelint.Limits;
import io.github.dovelint.Location;
import io.github.dovelint.Problem;
import io.github.dovelint.Severity;
import io.github.dovelint.Version;
import io.github.dovelint.cache.FactCache;
import io.github.dovelint.cache.FileHashes;
import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Program;
import io.github.dovelint.config.Config;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.config.ConfigLoader;
import io.github.dovelint.config.RuleSetting;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.CompileCommands;
import io.github.dovelint.parse.Daemons;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.parse.ParseSetupException;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleDescriptor;
import io.github.dovelint.summary.Summaries;
import io.github.dovelint.suppress.Suppression;
import io.github.dovelint.suppress.SuppressionScanner;
import io.github.dovelint.suppress.Suppressor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run: configuration, file discovery, grouping into programs, parsing and
 * fact extraction (parallel), rules per program, suppressions, result.
 */
public final class Engine {

    private final Analyzer.Settings settings;
    private final Relativizer relativizer;
    private final ConfigDigest digest = new ConfigDigest();
    /** Wall time per phase and rule of the current run (see {@link ProgressListener#timings}). */
    private final Map<String, Long> timings = new java.util.LinkedHashMap<>();
    /** The parser pool of the current run. */
    private Parsing parsing;
    /** What the current run knows of files' bytes (their hashes, whether they hold a suppression). */
    private FileHashes fileHashes = FileHashes.inMemory();
    /** The current run's effective limits. */
    private Limits limits = Limits.DEFAULT;

    public Engine(Analyzer.Settings settings) {
        this.settings = settings;
        this.relativizer = new Relativizer(settings.root());
    }

    public AnalysisResult run() throws AnalysisException {
        timings.clear();
        for (Path p : settings.paths()) {
            if (!Files.exists(p)) {
                throw new AnalysisException(new Location(shown(p), 0, 0), "no such file or directory");
            }
            if (!Files.isReadable(p)) {
                throw new AnalysisException(new Location(shown(p), 0, 0), "not readable");
            }
        }
        Config runConfig = loadRunConfig();
        Limits limits = effectiveLimits(runConfig);
        this.limits = limits;
        KnowledgeBase base = settings.knowledge() != null ? settings.knowledge() : bundledKnowledge();
        Map<String, RuleDescriptor> descriptors = descriptors();
        checkRuleIds(runConfig, descriptors);

        SourceFiles files = SourceFiles.find(settings.paths(), p -> excluded(runConfig, p), relativizer::apply);
        List<Problem> problems = new ArrayList<>(files.problems);
        Map<Path, ProgramUnit> units = groupIntoUnits(files.sources, runConfig, descriptors);

        parsing = new Parsing(relativizer, settings.threads(), limits, settings.progress());
        settings.progress().started(units.values().stream().mapToInt(u -> u.sources.size()).sum());
        List<String> notAnalysed = new ArrayList<>();
        List<Finding> raw = new ArrayList<>();
        List<String> analysed = new ArrayList<>();
        List<String> outOfReach = new ArrayList<>();
        long lines = 0;
        Map<Path, List<Suppression>> scannedSuppressions = new TreeMap<>();
        String configDigest = digest.digest(settings, limits);
        // one per run, shared by the units: a header several include is hashed once
        FileHashes hashes = settings.cacheDir() == null ? FileHashes.inMemory()
                : FileHashes.at(settings.cacheDir().resolve(FileHashes.FILE_NAME));
        fileHashes = hashes;
        for (ProgramUnit unit : units.values()) {
            KnowledgeBase kb = knowledge(unit, base);
            ParseOptions options = parseOptions(unit.config);
            FactCache cache = settings.cacheDir() == null ? null
                    : FactCaches.forUnit(settings.cacheDir(), relativizer.root(), options, kb.oobFields(), hashes);
            parsing.cache(cache);
            UnitRun run = runUnit(unit, kb, options, cache, configDigest, descriptors);
            problems.addAll(run.failures);
            raw.addAll(run.findings);
            for (int i = 0; i < run.sources.size(); i++) {
                SourceOutcome s = run.sources.get(i);
                problems.addAll(s.problems());
                // A file that could not be analysed has no findings to suppress: none scanned.
                scannedSuppressions.put(unit.sources.get(i), s.suppressions() != null ? s.suppressions() : List.of());
                if (s.analysed()) {
                    analysed.add(s.file());
                    lines += s.lines();
                } else if (s.outOfReach()) {
                    outOfReach.add(s.file());
                } else {
                    notAnalysed.add(s.file());
                }
            }
        }
        settings.progress().parsed();
        settings.progress().timings(java.util.Collections.unmodifiableMap(timings));

        List<Suppression> suppressions = new ArrayList<>();
        List<Path> scanned = new ArrayList<>(files.sources);
        scanned.addAll(files.headers);
        Collections.sort(scanned);
        // every header of a tree (23,000 in Linux) is looked at: on all threads, kept in order
        List<List<Suppression>> found = new ArrayList<>(Collections.nCopies(scanned.size(), null));
        Daemons.forEachIndex("dovelint-suppressions", scanned.size(), settings.threads(), i -> {
            List<Suppression> known = scannedSuppressions.get(scanned.get(i));
            found.set(i, known != null ? known : suppressionsOf(scanned.get(i)));
        });
        found.forEach(suppressions::addAll);
        hashes.save(); // after the suppressions of every file were looked for: their answers are kept too
        List<Finding> findings = new ArrayList<>(Suppressor.apply(raw, suppressions));
        findings = applySeverities(findings, runConfig, units);
        Collections.sort(findings);
        // A header included by several units reports the same problem once.
        problems = new ArrayList<>(new java.util.TreeSet<>(problems));
        Collections.sort(analysed);
        // files named on the command line that are not C sources, unreadable directories, ...
        for (Problem p : problems) {
            if (p.kind() == Problem.Kind.INPUT && p.message().startsWith("skipped") && !notAnalysed.contains(p.location().file())) {
                notAnalysed.add(p.location().file());
            }
        }
        Collections.sort(notAnalysed);

        List<RuleDescriptor> ruleList = new ArrayList<>(descriptors.values());
        Collections.sort(outOfReach);
        return new AnalysisResult(Version.get(), findings, problems, ruleList, analysed, lines, notAnalysed,
                digest.digest(settings, limits), outOfReach);
    }

    /** What a unit's run gives the report: per source, then the unit's findings and failures. */
    private record UnitRun(List<SourceOutcome> sources, List<Finding> findings, List<Problem> failures) {
    }

    /** One source's part of a report. */
    private record SourceOutcome(String file, boolean analysed, boolean outOfReach, long lines,
                                 List<Problem> problems, List<Suppression> suppressions) {
        static SourceOutcome of(ParsedFile pf) {
            return new SourceOutcome(pf.file(), pf.facts() != null, false, pf.lines(), pf.problems(),
                    pf.suppressions());
        }

        static SourceOutcome of(RunRecord.Source s) {
            return new SourceOutcome(s.file(), s.factsDigest() != null, s.outOfReach(), s.lines(), s.problems(),
                    s.suppressions());
        }
    }

    /**
     * A record that still holds if the slice did not change: only files out of reach changed,
     * in what the lexical index sees.
     *
     * @param sources      the record's sources, those changed brought up to date
     * @param changedFiles their names
     */
    private record PendingSlice(RunRecord record, List<RunRecord.Source> sources, java.util.Set<String> changedFiles) {

        /** The sources the record parsed: its slice. */
        java.util.BitSet slice() {
            java.util.BitSet out = new java.util.BitSet();
            for (int i = 0; i < record.sources().size(); i++) {
                if (!record.sources().get(i).outOfReach()) {
                    out.set(i);
                }
            }
            return out;
        }
    }

    /** Set by {@link #reuse} when the current unit's record holds if its slice is the same. */
    private PendingSlice pendingSlice;

    /** The rules a unit runs: those of the run its configuration does not switch off. */
    private List<Rule> enabledRules(ProgramUnit unit, Map<String, RuleDescriptor> descriptors) {
        List<Rule> out = new ArrayList<>();
        for (Rule rule : settings.rules()) {
            Optional<RuleSetting> setting = unit.config.rule(descriptors.get(rule.descriptor().id()).id());
            if (setting.isEmpty() || setting.get().enabled()) {
                out.add(rule);
            }
        }
        return out;
    }

    /**
     * Runs one unit: from its last run's record when that still holds ({@link RunReuse}),
     * otherwise parsing (through the fact cache; only what the rules can reach, see
     * {@link Slicing}), call graph and rules, then records it.
     */
    private UnitRun runUnit(ProgramUnit unit, KnowledgeBase kb, ParseOptions options, FactCache cache,
                            String configDigest, Map<String, RuleDescriptor> descriptors) throws AnalysisException {
        java.util.Set<String> oobFields = new java.util.HashSet<>(kb.oobFields());
        List<Rule> rules = enabledRules(unit, descriptors);
        List<io.github.dovelint.slice.Slicer.Spec> specs = settings.scope().slices(unit.sources.size())
                ? Slicing.specs(rules, kb) : null;
        // A knowledge base built in code has no origin to key on: no record then.
        String recordKey = cache == null || kb.origin() == null ? null
                : RunReuse.key(cache.key(), configDigest + " " + kb.origin() + (specs == null ? " all" : " sliced"),
                        relativizer.apply(unit.directory));
        pendingSlice = null;
        if (recordKey != null) {
            long start = System.nanoTime();
            UnitRun reused = reuse(unit, RunRecord.read(RunRecord.path(cache, recordKey), recordKey), cache,
                    recordKey, options, oobFields);
            timings.merge("reuse check", System.nanoTime() - start, Long::sum);
            if (reused != null) {
                return reused;
            }
        }
        ParsedFile[] parsed;
        io.github.dovelint.slice.LexicalIndex index = null;
        if (specs != null) {
            Path store = cache == null ? null : cache.sidecar("lexical",
                    unit.directory + "\u0000" + options.includeDirs(), "idx");
            PendingSlice pending = pendingSlice;
            Slicing.Result sliced = Slicing.parse(unit.sources, specs, options.includeDirs(), parsing, parser(options),
                    oobFields, settings.threads(), recordKey != null, timings, store,
                    cache == null ? null : cache.hashes(),
                    pending == null ? null : pending.slice());
            if (store != null) {
                cache.retireOthers(store);
            }
            if (sliced.parsed() == null) {
                return fromPending(pending, cache, recordKey);
            }
            parsed = sliced.parsed();
            index = sliced.index();
        } else {
            long parseStart = System.nanoTime();
            parsed = parsing.parseAll(unit.sources, parser(options), oobFields).toArray(new ParsedFile[0]);
            timings.merge("parse", System.nanoTime() - parseStart, Long::sum);
        }
        List<UnitFacts> facts = new ArrayList<>();
        List<SourceOutcome> sources = new ArrayList<>();
        for (int i = 0; i < parsed.length; i++) {
            ParsedFile pf = parsed[i];
            if (pf == null) {
                String file = relativizer.apply(unit.sources.get(i));
                List<Suppression> sups = index.hasSuppression(i) ? suppressionsOf(unit.sources.get(i)) : List.of();
                sources.add(new SourceOutcome(file, false, true, 0, List.of(), sups));
                settings.progress().fileDone(file, 0);
                continue;
            }
            sources.add(SourceOutcome.of(pf));
            if (pf.facts() != null) {
                facts.add(pf.facts());
            }
        }
        List<Problem> failures = new ArrayList<>();
        List<Finding> findings = checkProgram(unit, facts, kb, rules, descriptors, failures);
        if (recordKey != null) {
            RunRecord record = RunReuse.record(sources.stream().map(SourceOutcome::file).toList(), parsed,
                    sources.stream().map(SourceOutcome::suppressions).toList(),
                    index, findings, failures, cache);
            if (record != null) {
                record.write(cache, recordKey);
            }
        }
        return new UnitRun(sources, findings, failures);
    }

    /** The dovelint-ignore comments of a file not parsed (a header, a file out of reach). */
    private List<Suppression> suppressionsOf(Path file) {
        if (!fileHashes.marked(file)) {
            return List.of(); // most files: not decoded, and not even read while their stat holds
        }
        return List.copyOf(SuppressionScanner.scan(relativizer.apply(file),
                Snippets.readLenient(file, limits.maxFileBytes())));
    }

    /** The unit's run from a record whose slice the index confirmed. */
    private UnitRun fromPending(PendingSlice pending, FactCache cache, String recordKey) {
        for (RunRecord.Source s : pending.sources()) {
            settings.progress().fileDone(s.file(), s.lines());
        }
        List<Finding> findings = RunReuse.findings(pending.record(), pending.changedFiles(),
                new Snippets(relativizer));
        new RunRecord(pending.sources(), pending.record().headers(), findings, pending.record().failures())
                .write(cache, recordKey);
        return new UnitRun(pending.sources().stream().map(SourceOutcome::of).toList(), findings,
                pending.record().failures());
    }

    /** The unit's run taken from its record, or null when the record does not hold. */
    private UnitRun reuse(ProgramUnit unit, RunRecord record, FactCache cache, String recordKey,
                          ParseOptions options, java.util.Set<String> oobFields) throws AnalysisException {
        if (record == null) {
            return null;
        }
        List<String> names = unit.sources.stream().map(relativizer::apply).toList();
        Optional<List<Integer>> changed = RunReuse.changed(record, unit.sources, names, cache, settings.threads());
        if (changed.isEmpty()) {
            return null;
        }
        List<RunRecord.Source> sources = new ArrayList<>(record.sources());
        java.util.Set<String> changedFiles = new java.util.TreeSet<>();
        List<Integer> toParse = new ArrayList<>();
        boolean sliceMayChange = false;
        for (int i : changed.get()) {
            RunRecord.Source old = record.sources().get(i);
            Path path = unit.sources.get(i);
            byte[] lexical = old.lexicalDigest();
            if (lexical != null) {
                // the program was sliced: a change to what the index sees may change the slice
                Optional<byte[]> now = io.github.dovelint.slice.LexicalIndex.scanOne(path)
                        .map(io.github.dovelint.slice.FileIndex::digest);
                if (now.isEmpty() || !old.outOfReach() && !java.util.Arrays.equals(now.get(), lexical)) {
                    return null;
                }
                sliceMayChange |= !java.util.Arrays.equals(now.get(), lexical);
                lexical = now.get();
            }
            if (old.outOfReach()) {
                // its hash is the one the check just compared (a file it could not read ends the reuse)
                sources.set(i, new RunRecord.Source(old.file(), cache.hashes().hash(path).orElseThrow(), null, 0,
                        List.of(),
                        suppressionsOf(path), lexical, true));
                changedFiles.add(old.file());
            } else {
                toParse.add(i);
            }
        }
        if (sliceMayChange) {
            // A file out of reach now says other things: it stays out, and the findings stand, if
            // the index gives the same slice (see runUnit) and nothing in reach changed.
            if (toParse.isEmpty()) {
                pendingSlice = new PendingSlice(record, sources, changedFiles);
            }
            return null;
        }
        if (!toParse.isEmpty()) {
            long parseStart = System.nanoTime();
            List<ParsedFile> parsed = parsing.parseAll(toParse.stream().map(unit.sources::get).toList(),
                    parser(options), oobFields);
            timings.merge("parse", System.nanoTime() - parseStart, Long::sum);
            for (int k = 0; k < parsed.size(); k++) {
                ParsedFile pf = parsed.get(k);
                int i = toParse.get(k);
                ParsedFile.Cached c = pf.cached();
                if (c == null || c.factsDigest() == null || pf.suppressions() == null
                        || !java.util.Arrays.equals(c.factsDigest(), record.sources().get(i).factsDigest())) {
                    return null; // the facts changed: the rules must run again
                }
                sources.set(i, new RunRecord.Source(pf.file(), c.hash(), c.factsDigest(), pf.lines(), pf.problems(),
                        pf.suppressions(), record.sources().get(i).lexicalDigest(), false));
                changedFiles.add(pf.file());
            }
        }
        java.util.Set<String> parsedAgain = new java.util.HashSet<>();
        toParse.forEach(i -> parsedAgain.add(names.get(i)));
        for (RunRecord.Source s : sources) {
            if (!parsedAgain.contains(s.file())) {
                settings.progress().fileDone(s.file(), s.lines());
            }
        }
        List<Finding> findings = RunReuse.findings(record, changedFiles, new Snippets(relativizer));
        if (!changedFiles.isEmpty()) {
            // the record follows the files: the next run compares with what is there now
            new RunRecord(sources, record.headers(), findings, record.failures()).write(cache, recordKey);
        }
        return new UnitRun(sources.stream().map(SourceOutcome::of).toList(), findings, record.failures());
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

    private String shown(String file) {
        try {
            return shown(Path.of(file));
        } catch (RuntimeException e) {
            return file;
        }
    }

    /** A path for an error message (not a report): relative inside the root, absolute outside. */
    private String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(relativizer.root()) ? relativizer.apply(abs) : abs.toString();
    }

    private Map<String, RuleDescriptor> descriptors() {
        Map<String, RuleDescriptor> out = new TreeMap<>();
        Analyzer.catalog(settings.rules()).forEach(d -> out.put(d.id(), d));
        return out;
    }

    private Config loadRunConfig() throws AnalysisException {
        Path file = settings.configFile();
        if (file == null) {
            file = ConfigSearch.find(settings.paths(), settings.root(), Analyzer.CONFIG_FILE).orElse(null);
        } else if (!Files.isRegularFile(file)) {
            throw new AnalysisException(new Location(shown(file), 0, 0), "configuration file not found");
        }
        return file == null ? Config.empty() : load(file);
    }

    private Config load(Path file) throws AnalysisException {
        try {
            digest.addFile(relativizer.apply(file), file);
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    private AnalysisException located(ConfigException e) {
        Location where = e.location();
        Location shown = where == null ? null
                : new Location(shown(where.file()), where.line(), where.column());
        return new AnalysisException(shown, e.detail());
    }

    private KnowledgeBase bundledKnowledge() throws AnalysisException {
        try {
            return KnowledgeBase.bundled();
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    private void checkRuleIds(Config config, Map<String, RuleDescriptor> descriptors) throws AnalysisException {
        for (RuleSetting s : config.rules().values()) {
            if (!descriptors.containsKey(s.ruleId())) {
                Location w = s.where();
                throw new AnalysisException(w == null ? null
                        : new Location(relativizer.apply(w.file()), w.line(), w.column()),
                        "unknown rule '" + s.ruleId() + "' (known: " + String.join(", ", descriptors.keySet()) + ")");
            }
        }
    }

    private static boolean excluded(Config config, Path p) {
        Path dir = config.directory();
        return dir != null && p.startsWith(dir) && !p.equals(dir) && config.isExcluded(dir.relativize(p));
    }

    private Map<Path, ProgramUnit> groupIntoUnits(List<Path> sources, Config runConfig,
                                                  Map<String, RuleDescriptor> descriptors) throws AnalysisException {
        Map<Path, ProgramUnit> units = new TreeMap<>();
        Path configDir = runConfig.directory();
        for (Path source : sources) {
            Path unitDir = settings.root();
            if (configDir != null && source.startsWith(configDir)) {
                Optional<Path> unit = runConfig.unitOf(configDir.relativize(source));
                if (unit.isPresent()) {
                    unitDir = configDir.resolve(unit.get());
                }
            }
            ProgramUnit u = units.get(unitDir);
            if (u == null) {
                u = new ProgramUnit(unitDir, unitConfig(unitDir, runConfig, descriptors));
                units.put(unitDir, u);
            }
            if (u.config != runConfig && u.config.directory() != null
                    && source.startsWith(u.config.directory())
                    && u.config.isExcluded(u.config.directory().relativize(source))) {
                continue;
            }
            u.sources.add(source);
        }
        return units;
    }

    private Config unitConfig(Path unitDir, Config runConfig, Map<String, RuleDescriptor> descriptors)
            throws AnalysisException {
        Path file = unitDir.resolve(Analyzer.CONFIG_FILE);
        boolean own = Files.isRegularFile(file)
                && (runConfig.directory() == null || !unitDir.equals(runConfig.directory()))
                && settings.configFile() == null;
        if (!own) {
            return runConfig;
        }
        Config merged = load(file).over(runConfig);
        checkRuleIds(merged, descriptors);
        return merged;
    }

    private CParser parser(ParseOptions options) throws AnalysisException {
        if (options.compileCommands() == null) {
            return new CParser(options);
        }
        try {
            digest.addFile("compile-commands", options.compileCommands());
            return new CParser(options, CompileCommands.load(options.compileCommands()));
        } catch (ParseSetupException e) {
            String m = e.getMessage();
            int cut = m.indexOf(": ", String.valueOf(e.file()).length());
            throw new AnalysisException(new Location(shown(options.compileCommands()), e.line(),
                    e.column()), cut < 0 ? m : m.substring(cut + 2));
        }
    }

    private ParseOptions parseOptions(Config config) {
        ParseOptions fromConfig = config.parse().toParseOptions(true);
        List<Path> include = new ArrayList<>(fromConfig.includeDirs());
        include.addAll(settings.includeDirs());
        Map<String, String> defines = new LinkedHashMap<>(fromConfig.defines());
        defines.putAll(settings.defines());
        Path cc = settings.compileCommands() != null ? settings.compileCommands() : fromConfig.compileCommands();
        return new ParseOptions(include, defines, cc, true);
    }

    private KnowledgeBase knowledge(ProgramUnit unit, KnowledgeBase base) throws AnalysisException {
        try {
            return unit.config.knowledge(base);
        } catch (ConfigException e) {
            throw located(e);
        }
    }

    /**
     * Builds the program of a unit and runs the rules over it on threads with
     * deep stacks, up to the {@code threads} setting at once. A rule that fails
     * (an exception, a stack overflow on a call graph deeper than it can walk)
     * loses its findings for this unit and gives an INTERNAL problem; the other
     * rules still run.
     */
    private List<Finding> checkProgram(ProgramUnit unit, List<UnitFacts> facts, KnowledgeBase kb, List<Rule> rules,
                                       Map<String, RuleDescriptor> descriptors, List<Problem> problems) {
        List<Finding> out = new ArrayList<>();
        List<Problem> failures = new ArrayList<>();
        Thread worker = Daemons.thread("dovelint-rules", Parsing.STACK_BYTES,
                () -> checkProgram(unit, facts, kb, rules, descriptors, out, failures));
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(new Problem(Problem.Kind.INTERNAL, new Location(relativizer.apply(unit.directory), 0, 0),
                    "interrupted while checking this unit"));
        }
        problems.addAll(failures);
        return out;
    }

    private void checkProgram(ProgramUnit unit, List<UnitFacts> facts, KnowledgeBase kb, List<Rule> rules,
                              Map<String, RuleDescriptor> descriptors, List<Finding> out, List<Problem> failures) {
        Location where = new Location(relativizer.apply(unit.directory), 0, 0);
        Program program;
        CallGraph graph;
        long graphStart = System.nanoTime();
        try {
            program = new Program(facts);
            graph = new CallGraph(program);
            timings.merge("call graph", System.nanoTime() - graphStart, Long::sum);
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(new Problem(Problem.Kind.INTERNAL, where,
                    "building the call graph failed, no rule ran on this unit: " + e));
            return;
        }
        List<RuleRun> runs = new ArrayList<>();
        for (Rule rule : rules) {
            runs.add(new RuleRun(rule, descriptors.get(rule.descriptor().id())));
        }
        long rulesStart = System.nanoTime();
        runAll(runs, program, graph, kb);
        timings.merge("rules", System.nanoTime() - rulesStart, Long::sum);
        // Gathered in catalog order, whatever order the rules finished in.
        Snippets snippets = new Snippets(relativizer);
        for (RuleRun run : runs) {
            String id = run.descriptor.id();
            if (!run.done) {
                failures.add(new Problem(Problem.Kind.INTERNAL, where,
                        "rule " + id + " did not finish on this unit, its findings here are missing"));
            } else if (run.failure != null) {
                failures.add(new Problem(Problem.Kind.INTERNAL, where,
                        "rule " + id + " failed on this unit, its findings here are missing: " + run.failure));
            } else {
                timings.merge(id, run.nanos, Long::sum);
                for (Report r : run.reports) {
                    out.add(new Finding(id, r.rule().name(), r.rule().defaultSeverity(), r.message(), r.location(),
                            r.function(), snippets.line(r.location()), r.chains()));
                }
            }
        }
    }

    /**
     * Runs the rules on a pool of deep-stack threads. Rules share only what is immutable once
     * built (the program, the call graph, the knowledge base); each gets its own summaries,
     * whose memo it fills in its own order, so no rule's findings depend on the others' timing.
     */
    private void runAll(List<RuleRun> runs, Program program, CallGraph graph, KnowledgeBase kb) {
        int threads = Math.max(1, Math.min(settings.threads(), runs.size()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                r -> Daemons.thread("dovelint-rules", Parsing.STACK_BYTES, r));
        try {
            List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
            for (RuleRun run : runs) {
                tasks.add(() -> {
                    run.run(program, graph, kb);
                    return null;
                });
            }
            pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the runs not done are reported as such
        } finally {
            pool.shutdownNow();
        }
    }

    /** A report of a rule, kept until the findings are gathered. */
    private record Report(RuleDescriptor rule, Location location, String function, String message,
                          List<CallChain> chains) {
    }

    /** One rule over one program: its reports, or how it failed, and its wall time. */
    private static final class RuleRun {
        final Rule rule;
        final RuleDescriptor descriptor;
        final List<Report> reports = new ArrayList<>();
        /** What the rule threw, or null. */
        String failure;
        long nanos;
        volatile boolean done;

        RuleRun(Rule rule, RuleDescriptor descriptor) {
            this.rule = rule;
            this.descriptor = descriptor;
        }

        void run(Program program, CallGraph graph, KnowledgeBase kb) {
            long start = System.nanoTime();
            try {
                RuleContext.Sink sink = (d, location, function, message, chains) ->
                        reports.add(new Report(d, location, function, message, chains));
                rule.check(new RuleContext(program, graph, new Summaries(graph, kb), kb, descriptor, sink));
            } catch (RuntimeException | StackOverflowError e) {
                reports.clear();
                failure = e.toString();
            }
            nanos = System.nanoTime() - start;
            done = true;
        }
    }

    /** Applies each unit's rule settings: severities, and rules switched off (DL001/DL002 included). */
    private List<Finding> applySeverities(List<Finding> findings, Config runConfig, Map<Path, ProgramUnit> units) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Config config = configFor(f.location(), runConfig, units);
            Optional<RuleSetting> s = config.rule(f.ruleId());
            if (s.isEmpty()) {
                out.add(f);
            } else if (s.get().enabled()) {
                Severity sev = s.get().severityIfEnabled().orElse(f.severity());
                out.add(f.withSeverity(sev));
            }
        }
        return out;
    }

    private Config configFor(Location location, Config runConfig, Map<Path, ProgramUnit> units) {
        Path file = relativizer.resolve(location.file());
        ProgramUnit best = null;
        for (ProgramUnit u : units.values()) {
            if (file.startsWith(u.directory) && (best == null || u.directory.getNameCount() > best.directory.getNameCount())) {
                best = u;
            }
        }
        return best == null ? runConfig : best.config;
    }
}
