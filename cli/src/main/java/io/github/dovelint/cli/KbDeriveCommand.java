package io.github.dovelint.cli;

import io.github.dovelint.Analyzer;
import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kerneldb.Derivation;
import io.github.dovelint.kerneldb.Disagreements;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.kerneldb.DerivedFact;
import io.github.dovelint.kerneldb.KernelDbWriter;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Problem;
import io.github.dovelint.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dovelint kb derive TREE --output FILE}: parses every C file of a kernel tree as
 * {@code check --all-files} does and writes the kernel database of its functions with external
 * linkage (docs/kernel-db.md). Files that cannot be analysed are listed and never stop it.
 */
@Command(name = "derive", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Derive a kernel database from a kernel tree.")
final class KbDeriveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Write the database to FILE (atomically).")
    Path output;

    @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "Add an include directory.")
    List<Path> includes = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--kconfig", paramLabel = "FILE",
            description = "Analyse the tree in the configuration of this kernel .config (CONFIG_X=y defines"
                    + " CONFIG_X, =m defines CONFIG_X_MODULE), as the kernel's build does.")
    Path kconfig;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the per-file facts cache in DIR (default: no cache).")
    Path cacheDir;

    @Option(names = "--file-timeout", paramLabel = "DURATION",
            description = "Give up on a file taking longer than DURATION (default: 60s).")
    String fileTimeout;

    @Option(names = "--why", paramLabel = "NAME",
            description = "Print, for every definition of function NAME, the whole way to each effect "
                    + "the database records for it (repeatable).")
    java.util.Set<String> why = new java.util.TreeSet<>();

    @Option(names = "--stats", description = "Print where the derivation's time went.")
    boolean stats;

    @Parameters(arity = "1", paramLabel = "TREE", description = "The kernel tree.")
    Path tree;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path root = CheckCommand.absolute(tree);
        if (!Files.isDirectory(root)) {
            err.println("dovelint: " + tree + ": not a directory");
            return Main.EXIT_USAGE;
        }
        Derivation derivation = new Derivation(file -> relative(root, file));
        java.util.concurrent.atomic.AtomicLong effectsNanos = new java.util.concurrent.atomic.AtomicLong();
        Map<String, Long> timings = new java.util.LinkedHashMap<>();
        io.github.dovelint.engine.ProgressListener phases = new io.github.dovelint.engine.ProgressListener() {
            @Override
            public void timings(Map<String, Long> nanos) {
                timings.putAll(nanos);
            }
        };
        List<DerivedFact> facts = new ArrayList<>();
        List<Path> parts;
        try {
            parts = KernelParts.of(root);
        } catch (IOException e) {
            err.println("dovelint: cannot list " + tree + ": " + CheckCommand.ioMessage(e));
            return Main.EXIT_USAGE;
        }
        Analyzer.Builder builder = Analyzer.builder().root(root).paths(parts).rules(List.of())
                .scope(Analyzer.Scope.ALL)
                .progress(phases)
                .programSink((graph, kb) -> {
                    long effectsStart = System.nanoTime();
                    List<String> explained = new ArrayList<>();
                    List<DerivedFact> derived = derivation.derive(graph, kb, why, explained::add);
                    synchronized (facts) {
                        facts.addAll(derived);
                        explained.forEach(err::println);
                        effectsNanos.addAndGet(System.nanoTime() - effectsStart);
                    }
                });
        List<String> allDefines = new ArrayList<>();
        if (kconfig != null) {
            try {
                allDefines.addAll(KconfigDefines.of(CheckCommand.absolute(kconfig)));
            } catch (IOException e) {
                err.println("dovelint: cannot read " + kconfig + ": " + CheckCommand.ioMessage(e));
                return Main.EXIT_USAGE;
            }
        }
        allDefines.addAll(defines);
        String parsing = CheckCommand.parsing(builder, includes, allDefines, threads);
        if (parsing != null) {
            return usage(err, parsing);
        }
        if (cacheDir != null) {
            builder.cacheDir(CheckCommand.absolute(cacheDir));
        }
        if (fileTimeout != null) {
            try {
                builder.limits(Limits.DEFAULT.withFileTimeout(Limits.parseDuration(fileTimeout)));
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
        }
        long start = System.nanoTime();
        AnalysisResult result;
        try {
            result = builder.build().run();
        } catch (AnalysisException e) {
            err.println("dovelint: " + CheckCommand.describe(e));
            return Main.EXIT_USAGE;
        }
        String checksum;
        try {
            checksum = KernelDbWriter.write(facts, CheckCommand.absolute(output));
        } catch (IOException e) {
            err.println("dovelint: cannot write the kernel database to " + output + ": " + CheckCommand.ioMessage(e));
            return Main.EXIT_USAGE;
        }
        try {
            KnowledgeBase curated = KnowledgeBase.bundled();
            for (String line : Disagreements.of(curated, facts)) {
                err.println("dovelint: kernel.yml and the database disagree on " + line);
            }
            for (String line : Disagreements.repeated(curated, facts)) {
                err.println("dovelint: kernel.yml repeats what the database derives for " + line);
            }
        } catch (ConfigException e) {
            err.println("dovelint: " + Main.oneLine(e.detail()));
            return Main.EXIT_USAGE;
        }
        summary(err, result, facts, checksum, (System.nanoTime() - start) / 1_000_000);
        if (stats) {
            timings.put("effects", effectsNanos.get());
            StringBuilder line = new StringBuilder("dovelint: time:");
            timings.forEach((phase, nanos) -> line.append(' ').append(phase).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1fs", nanos / 1e9)).append(','));
            line.setLength(line.length() - 1);
            err.println(line);
        }
        err.flush();
        return Main.EXIT_CLEAN;
    }

    /** The derivation summary: the files not analysed, then the counts. */
    private void summary(PrintWriter err, AnalysisResult result, List<DerivedFact> facts, String checksum,
                         long millis) {
        for (Problem p : result.problems()) {
            if (p.kind() != Problem.Kind.PARSE) {
                err.println(TextReport.formatProblem(p));
            }
        }
        Map<String, Integer> byAttribute = new TreeMap<>();
        java.util.Set<String> functions = new java.util.TreeSet<>();
        for (DerivedFact f : facts) {
            functions.add(f.function());
            String key = f.attribute().equals(FunctionAttribute.USES.key()) ? f.value() : f.attribute();
            byAttribute.merge(key, 1, Integer::sum);
        }
        StringBuilder counts = new StringBuilder();
        byAttribute.forEach((k, v) -> counts.append(counts.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        err.println("dovelint: derived " + functions.size() + " functions (" + counts + ") from "
                + result.files().size() + " files in " + millis / 1000 + "." + (millis % 1000) / 100 + "s; "
                + result.notAnalysed().size() + " files not analysed; wrote " + output + " (sha256 "
                + checksum.substring(0, 12) + ")");
    }

    static String relative(Path root, String file) {
        Path p = Path.of(file);
        return p.isAbsolute() && p.startsWith(root) ? KernelParts.relative(root, p) : file;
    }

    private int usage(PrintWriter err, String message) {
        err.println("dovelint: " + message);
        err.println("Try '" + spec.qualifiedName() + " --help' for more information.");
        return Main.EXIT_USAGE;
    }
}
