package io.github.dovelint.cli;

import io.github.dovelint.Analyzer;
import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.files.AtomicFiles;
import io.github.dovelint.gate.Gate;
import io.github.dovelint.gate.GateResult;
import io.github.dovelint.gate.Verdict;
import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.report.ReportWriter;
import io.github.dovelint.report.ReportWriters;
import io.github.dovelint.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code dovelint check}: analyse sources and report findings. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Analyse C sources (files or directories) and report contract violations.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<ReportRequest> reports = new ArrayList<>();

    @Option(names = "--sarif-category", paramLabel = "NAME",
            description = "File the SARIF report under this code-scanning category (its automationDetails.id);"
                    + " by default none, so the uploader's category applies.")
    String sarifCategory;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: the nearest .dovelint.yml in or above the checked paths).")
    Path config;

    @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "Add an include directory.")
    List<Path> includes = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--compile-commands", paramLabel = "FILE",
            description = "Use the flags of a compile_commands.json.")
    Path compileCommands;

    @Option(names = "--kernel-db", paramLabel = "NAME|FILE",
            description = "The kernel database under the curated knowledge base: linux-6.1 or linux-6.12"
                    + " (shipped), a file from 'dovelint kb derive', or none (default: the configuration's"
                    + " kernel-db, else linux-6.12).")
    String kernelDb;

    @Option(names = "--config-pass", negatable = true, defaultValue = Option.NULL_VALUE, fallbackValue = "true",
            description = "With no real kernel configuration given, also analyse the files the rules reach with the"
                    + " CONFIG_* options they test defined, and name the configuration of a finding only one shows"
                    + " (default: the configuration's config-pass, else on). --no-config-pass analyses the"
                    + " files as given only: faster, but a branch under #ifdef CONFIG_X is not checked.")
    Boolean configPass;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Report file names relative to DIR (default: the working directory, or the"
                    + " folder holding every PATH when some PATH lies outside it).")
    Path root;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"},
            description = "Print neither the summary line nor the input problems (a report written with --output"
                    + " is unchanged).")
    boolean quiet;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the per-file facts cache in DIR (default: .dovelint-cache under the root).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the facts cache.")
    boolean noCache;

    @Option(names = "--all-files", description = "Parse every file, however large the tree. By default a tree of"
            + " more than 500 C files is indexed lexically and only the files the rules can look at are parsed; the"
            + " others are listed as out of reach. The findings are the same; parse problems in files out of reach"
            + " show only with this option.")
    boolean allFiles;

    @Option(names = "--reach-only", description = "Parse only the files the rules can look at, however small the"
            + " tree (see --all-files).")
    boolean reachOnly;

    @Option(names = "--stats", description = "Print the final files, lines, findings, problems and time line on"
            + " stderr even when it is not a terminal (it is always printed on a terminal, unless --quiet).")
    boolean stats;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Leave out the findings accepted in the baseline FILE (see --update-baseline).")
    Path baseline;

    @Option(names = "--update-baseline",
            description = "Write the current findings to the --baseline FILE (keeping entries that no longer match"
                    + " unless --prune) and exit 0.")
    boolean updateBaseline;

    @Option(names = "--prune", description = "With --update-baseline: drop baseline entries that match no finding.")
    boolean prune;

    @Option(names = "--new-since", paramLabel = "REF",
            description = "Report only findings on lines added or changed since the git REF (its merge base with"
                    + " HEAD), including uncommitted changes, e.g. origin/main.")
    String newSince;

    @Option(names = "--keep-going",
            description = "Let findings alone decide the exit code even when some files could not be analysed"
                    + " (unreadable, undecodable, binary, or skipped by a limit). Without it such a run exits 2."
                    + " Either way the report lists those files and says the run is incomplete.")
    boolean keepGoing;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip source files larger than SIZE, e.g. 512k, 8M (default: the configuration's"
                    + " limits.max-file-size, else 8M).")
    String maxFileSize;

    @Option(names = "--file-timeout", paramLabel = "DURATION",
            description = "Give up on a file whose parsing and fact extraction take longer than DURATION,"
                    + " e.g. 30s, 500ms (default: the configuration's limits.file-timeout, else 60s).")
    String fileTimeout;

    @Option(names = "--max-ast-depth", paramLabel = "N",
            description = "Skip files whose syntax tree is deeper than N levels (default: the configuration's"
                    + " limits.max-ast-depth, else 4000).")
    Integer maxAstDepth;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "C files or directories to analyse.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<ReportRequest> requests = ReportRequest.orDefault(reports);
        String reportProblem = ReportRequest.problem(requests);
        if (reportProblem != null) {
            return usage(err, reportProblem);
        }
        if ((updateBaseline || prune) && baseline == null) {
            return usage(err, (updateBaseline ? "--update-baseline" : "--prune") + " needs --baseline FILE");
        }
        if (prune && !updateBaseline) {
            return usage(err, "--prune only applies with --update-baseline");
        }
        Path rootDir = root != null ? absolute(root) : defaultRoot(paths);
        Analyzer.Builder builder = Analyzer.builder().root(rootDir)
                .paths(paths.stream().map(CheckCommand::absolute).toList())
                .configFile(absolute(config)).compileCommands(absolute(compileCommands))
                .kernelDb(kernelDb == null ? null : KernelDbChoice.parse(kernelDb, Path.of("").toAbsolutePath()))
                .configPass(configPass);
        String parsing = parsing(builder, includes, defines, threads);
        if (parsing != null) {
            return usage(err, parsing);
        }
        if (allFiles && reachOnly) {
            return usage(err, "--all-files and --reach-only exclude each other");
        }
        builder.scope(allFiles ? Analyzer.Scope.ALL : reachOnly ? Analyzer.Scope.REACH : Analyzer.Scope.AUTO);
        if (!noCache) {
            builder.cacheDir(cacheDir != null ? absolute(cacheDir) : rootDir.resolve(Analyzer.DEFAULT_CACHE_DIR));
        }
        boolean terminal = System.console() != null;
        TerminalProgress progress = new TerminalProgress(err, !quiet && terminal, !quiet);
        // always heard: besides progress and timings, it says when the cache is off
        builder.progress(progress);
        Limits limits = Limits.DEFAULT;
        try {
            if (maxFileSize != null) {
                limits = limits.withMaxFileBytes(Limits.parseSize(maxFileSize));
            }
            if (fileTimeout != null) {
                limits = limits.withFileTimeout(Limits.parseDuration(fileTimeout));
            }
            if (maxAstDepth != null) {
                limits = limits.withMaxAstDepth(maxAstDepth);
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage().replace("size", "size for --max-file-size")
                    .replace("a duration", "a duration for --file-timeout")
                    .replace("AST depth limit", "--max-ast-depth"));
        }
        builder.limits(limits);
        AnalysisResult analysed;
        try {
            analysed = builder.build().run();
        } catch (AnalysisException e) {
            err.println("dovelint: " + describe(e));
            err.flush();
            return Main.EXIT_USAGE;
        }
        if (updateBaseline) {
            if (prune && !analysed.complete() && !keepGoing) {
                for (Problem p : analysed.problems()) {
                    err.println(TextReport.formatProblem(p));
                }
                err.println("dovelint: the run is incomplete (" + incompleteness(analysed) + "): not pruning the"
                        + " baseline, whose entries for the files not analysed would be lost; the baseline is"
                        + " unchanged (use --keep-going to prune anyway)");
                err.flush();
                return Main.EXIT_USAGE;
            }
            return writeBaseline(err, analysed);
        }
        GateResult gate;
        try {
            gate = Gates.apply(analysed, Gates.settings(rootDir, absolute(baseline), newSince, keepGoing),
                    quiet ? null : err);
        } catch (IOException e) {
            err.println("dovelint: " + ioMessage(e));
            err.flush();
            return Main.EXIT_USAGE;
        }
        AnalysisResult result = gate.result();
        if (!quiet) {
            for (Problem p : result.problems()) {
                err.println(TextReport.formatProblem(p));
            }
            if (result.files().isEmpty() && result.notAnalysed().isEmpty()) {
                err.println("dovelint: warning: no C sources (.c files) found in " + describePaths()
                        + "; check the paths and the 'exclude' setting of the configuration");
            }
            err.flush();
        }
        boolean textOnStdout = false;
        boolean written = true;
        for (ReportRequest request : requests) {
            ReportWriter writer = ReportWriters.byName(request.formatName(), rootDir, sarifCategory);
            textOnStdout |= request.output == null && writer instanceof TextReport;
            written &= write(err, writer, request.output, result);
        }
        if (!written) {
            return Main.EXIT_USAGE;
        }
        if (!quiet && !textOnStdout) {
            TextReport.idleLines(result).forEach(err::println);
            err.println(TextReport.summary(result));
        }
        if (stats || (!quiet && terminal)) {
            progress.summary(result);
        }
        if (gate.verdict() == Verdict.FAILED_INCOMPLETE) {
            if (!quiet) {
                err.println("dovelint: the run is incomplete (" + incompleteness(result) + "): exit "
                        + Main.EXIT_USAGE + "; with --keep-going, findings alone decide the exit code");
            }
            err.flush();
            return Main.EXIT_USAGE;
        }
        err.flush();
        return gate.fails() ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
    }

    /**
     * Writes one report, to {@code output} atomically or to standard output when it is null; false
     * (having said why on {@code err}) when it could not be written.
     */
    private boolean write(PrintWriter err, ReportWriter writer, Path output, AnalysisResult result) {
        try {
            if (output != null) {
                AtomicFiles.write(absolute(output), w -> writer.write(result, w));
            } else {
                PrintWriter out = spec.commandLine().getOut();
                if (quiet && writer instanceof TextReport) {
                    for (Finding f : result.findings()) {
                        out.write(TextReport.formatFinding(f));
                    }
                } else {
                    writer.write(result, out);
                }
                out.flush();
                if (out.checkError()) {
                    throw new IOException("standard output is closed or failing");
                }
            }
            return true;
        } catch (IOException e) {
            String target = output != null ? output.toString() : "standard output";
            err.println("dovelint: cannot write the report to " + target + ": " + ioMessage(e));
            err.flush();
            return false;
        }
    }

    private int writeBaseline(PrintWriter err, AnalysisResult result) {
        Path file = absolute(baseline);
        try {
            Baseline.Update update = Gate.updateBaseline(result, file, prune);
            err.println("dovelint: wrote " + baseline + ": " + update.baseline().size() + " entries ("
                    + update.added() + " new)");
            if (!update.stale().isEmpty()) {
                err.println("dovelint: " + update.stale().size() + " stale entries " + (prune ? "pruned:" : "kept:"));
                update.stale().forEach(e -> err.println("  " + e.describe()));
                if (!prune) {
                    err.println("dovelint: drop them with --update-baseline --prune");
                }
            }
            err.flush();
            return Main.EXIT_CLEAN;
        } catch (IOException e) {
            err.println("dovelint: " + ioMessage(e));
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    private static String incompleteness(AnalysisResult result) {
        int n = result.notAnalysed().size();
        long other = result.problems().stream().filter(p -> p.kind() != Problem.Kind.PARSE)
                .filter(p -> !result.notAnalysed().contains(p.location().file())).count();
        List<String> parts = new ArrayList<>();
        if (n > 0) {
            parts.add(n + (n == 1 ? " file" : " files") + " not analysed");
        }
        if (other > 0) {
            parts.add(other + " other input " + (other == 1 ? "problem" : "problems"));
        }
        return String.join(", ", parts);
    }

    private String describePaths() {
        List<String> shown = paths.stream().map(p -> p.toString().isEmpty() ? "." : p.toString()).toList();
        return shown.size() == 1 ? shown.get(0) : String.join(", ", shown);
    }

    /** What went wrong, for people: {@code NoSuchFileException: /x} says less than "no such directory: /x". */
    static String ioMessage(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException x) {
            // from creating the parent directories: a file is in the way
            return "not a directory: " + x.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() != null ? f.getFile() + ": " : "") + Main.oneLine(f.getReason());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Main.oneLine(m);
    }

    static final Pattern MACRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A usage error found after parsing: one line and the hint, as for picocli's own errors. */
    /**
     * Sets the parser's include directories, macros and threads on {@code builder}, as {@code check}
     * and {@code kb derive} take them; the usage error of a bad {@code -D} or {@code --threads}, or null.
     */
    static String parsing(Analyzer.Builder builder, List<Path> includes, List<String> defines, Integer threads) {
        includes.stream().map(CheckCommand::absolute).forEach(builder::includeDir);
        for (String d : defines) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!MACRO_NAME.matcher(name).matches()) {
                return "-D" + d + ": '" + name + "' is not a macro name"
                        + " (expected -DNAME or -DNAME=VALUE, NAME made of letters, digits and '_',"
                        + " not starting with a digit)";
            }
            builder.define(name, eq < 0 ? "" : d.substring(eq + 1));
        }
        if (threads != null) {
            if (threads < 1) {
                return "--threads must be at least 1 (got " + threads + ")";
            }
            builder.threads(threads);
        }
        return null;
    }

    private int usage(PrintWriter err, String message) {
        err.println("dovelint: " + message);
        err.println("Try '" + spec.qualifiedName() + " --help' for more information.");
        err.flush();
        return Main.EXIT_USAGE;
    }

    /**
     * {@code file:line:col: message}; a location without a line (a missing path,
     * a missing configuration file) prints as {@code file: message}.
     */
    static String describe(AnalysisException e) {
        Location where = e.location();
        String message = Main.oneLine(e.getMessage());
        if (where == null) {
            return message;
        }
        if (where.line() <= 0) {
            return where.file().isEmpty() ? message : where.file() + ": " + message;
        }
        return Main.oneLine(e.describe());
    }

    /**
     * Paths given on the command line are relative to the working directory,
     * not to {@code --root} (the Analyzer resolves relative paths against the root).
     */
    /**
     * The working directory, or, when a path lies outside it, the deepest folder holding every
     * path: reports name files relative to their root, and a file outside it would lose its
     * folder (docs/robustness.md keeps reports free of absolute paths).
     */
    static Path defaultRoot(List<Path> paths) {
        Path cwd = absolute(Path.of(""));
        Path common = null;
        boolean outside = false;
        for (Path p : paths) {
            Path abs = absolute(p);
            outside |= !abs.startsWith(cwd);
            Path folder = Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
            if (common == null) {
                common = folder;
                continue;
            }
            while (common != null && !folder.startsWith(common)) {
                common = common.getParent();
            }
            if (common == null) { // no folder holds them all (another drive)
                return cwd;
            }
        }
        return outside && common != null ? common : cwd;
    }

    static Path absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    /** The {@code --format} candidates, for the help and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ReportWriters.names().iterator();
        }
    }
}
