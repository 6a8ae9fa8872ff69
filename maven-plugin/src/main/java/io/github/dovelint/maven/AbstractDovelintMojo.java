package io.github.dovelint.maven;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Problem;
import io.github.dovelint.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals share: which sources, how to parse them, and running the
 * {@link Analyzer}. The plugin is a thin adapter: everything about C, rules
 * and reports is in the engine.
 */
abstract class AbstractDovelintMojo extends AbstractMojo {

    static final List<String> DEFAULT_INCLUDES = List.of("**/*.c", "**/*.h");
    static final List<String> DEFAULT_EXCLUDES = List.of("target/**");
    private static final Pattern MACRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skips dovelint. */
    @Parameter(property = "dovelint.skip", defaultValue = "false")
    protected boolean skip;

    /** Directories to search for sources (default: the project base directory). */
    @Parameter(property = "dovelint.sourceDirectories")
    protected List<File> sourceDirectories;

    /** Ant-style patterns, relative to each source directory, of the files to check (default: {@code **}{@code /*.c, **}{@code /*.h}). */
    @Parameter(property = "dovelint.includes")
    protected List<String> includes;

    /**
     * Ant-style patterns of files not to check (default: {@code target/**}).
     * The build directory and, in an aggregator (packaging {@code pom}), the
     * modules' directories are always excluded: each module checks its own.
     */
    @Parameter(property = "dovelint.excludes")
    protected List<String> excludes;

    /** Extra include directories for the C parser ({@code -I}). */
    @Parameter(property = "dovelint.includePaths")
    protected List<File> includePaths;

    /** Macro definitions, {@code NAME} or {@code NAME=VALUE} ({@code -D}). */
    @Parameter(property = "dovelint.defines")
    protected List<String> defines;

    /** A {@code compile_commands.json} whose flags to use. */
    @Parameter(property = "dovelint.compileCommands")
    protected File compileCommands;

    /**
     * The configuration file. When the default does not exist, dovelint looks
     * for the nearest {@code .dovelint.yml} above the sources, as the CLI does;
     * a file named explicitly must exist.
     */
    @Parameter(property = "dovelint.configFile", defaultValue = "${project.basedir}/.dovelint.yml")
    protected File configFile;

    /**
     * The root that report paths (and baseline entries) are relative to.
     * Set it to {@code ${maven.multiModuleProjectDirectory}} to get
     * repository-relative paths in a multi-module build (what code scanning wants).
     */
    @Parameter(property = "dovelint.root", defaultValue = "${project.basedir}")
    protected File root;

    /** The baseline file: {@code check} ignores the findings it lists, {@code baseline} writes it. */
    @Parameter(property = "dovelint.baseline", defaultValue = "${project.basedir}/dovelint-baseline.json")
    protected File baseline;

    /** Parser threads (default: the number of cores). */
    @Parameter(property = "dovelint.threads", defaultValue = "0")
    protected int threads;

    /**
     * Which files are parsed: {@code auto} (a unit of more than 500 C files is indexed and only
     * what the rules can reach is parsed), {@code all} or {@code reach}.
     */
    @Parameter(property = "dovelint.scope", defaultValue = "auto")
    protected String scope;

    /**
     * The kernel database below the curated knowledge base: {@code linux-6.1} or
     * {@code linux-6.12} (shipped with dovelint), {@code none}, or a file from
     * {@code dovelint kb derive}, relative to the project's base directory (default: the
     * configuration's {@code kernel-db:}, else {@code linux-6.12}); see docs/kernel-db.md#choosing.
     */
    @Parameter(property = "dovelint.kernelDb")
    protected String kernelDb;

    /**
     * With no real kernel configuration given, whether the files the rules reach are also
     * analysed with the {@code CONFIG_*} options they test defined, a finding only one
     * configuration shows naming it; {@code false} analyses them as given only (default: the
     * configuration's {@code config-pass:}, else {@code true}); see docs/configurations.md.
     */
    @Parameter(property = "dovelint.configPass")
    protected Boolean configPass;

    /**
     * Where the facts cache lives: per-file facts and each unit's last run, so that a second
     * build over unchanged sources parses nothing and replays its findings, and a build after
     * an edit re-parses only the edited files. Under the build directory by default, so
     * {@code mvn clean} empties it; put it elsewhere (and ignore it in git) to keep it across
     * clean builds.
     */
    @Parameter(property = "dovelint.cacheDirectory", defaultValue = "${project.build.directory}/dovelint-cache")
    protected File cacheDirectory;

    /** Neither reads nor writes the facts cache ({@code dovelint check --no-cache}). */
    @Parameter(property = "dovelint.noCache", defaultValue = "false")
    protected boolean noCache;

    /**
     * Skips source files larger than this, e.g. {@code 512k}, {@code 8M} (default: the
     * configuration's {@code limits: max-file-size}, else 8M). A skipped file makes the run
     * incomplete (see {@code keepGoing}).
     */
    @Parameter(property = "dovelint.maxFileSize")
    protected String maxFileSize;

    /**
     * Gives up on a file whose parsing and fact extraction take longer than this, e.g.
     * {@code 30s}, {@code 500ms} (default: the configuration's {@code limits: file-timeout},
     * else 60s). A file given up on makes the run incomplete (see {@code keepGoing}).
     */
    @Parameter(property = "dovelint.fileTimeout")
    protected String fileTimeout;

    /**
     * Skips files whose syntax tree is deeper than this many levels (default: the
     * configuration's {@code limits: max-ast-depth}, else 4000).
     */
    @Parameter(property = "dovelint.maxAstDepth")
    protected Integer maxAstDepth;

    /**
     * Lets findings alone decide even when some files could not be analysed (unreadable,
     * undecodable, binary, over a limit). Without it, {@code check} fails such a run after
     * writing the reports, which say the run is incomplete (as {@code dovelint check} exits 2
     * without {@code --keep-going}), and {@code baseline} refuses to prune on it, since the
     * entries of the files not analysed would be lost.
     */
    @Parameter(property = "dovelint.keepGoing", defaultValue = "false")
    protected boolean keepGoing;

    /**
     * Logs neither the input problems, the summary, the baseline and new-since notes nor
     * where the reports went ({@code dovelint check --quiet}); findings are still logged
     * (see {@code logViolationsToConsole}), reports still written, and a failing build
     * still says why.
     */
    @Parameter(property = "dovelint.quiet", defaultValue = "false")
    protected boolean quiet;

    /**
     * Logs the files, lines, findings, parse problems and wall time of the run, and where the
     * time went (phases, then rules), as {@code dovelint check --stats} prints them. A run
     * replayed from the facts cache spends its time in {@code reuse check} only.
     */
    @Parameter(property = "dovelint.stats", defaultValue = "false")
    protected boolean stats;

    static Analyzer.Scope scope(String value) throws MojoExecutionException {
        return switch (value == null ? "auto" : value.trim()) {
            case "auto" -> Analyzer.Scope.AUTO;
            case "all" -> Analyzer.Scope.ALL;
            case "reach" -> Analyzer.Scope.REACH;
            default -> throw new MojoExecutionException("dovelint: scope '" + value + "' is not auto, all or reach");
        };
    }

    /** Runs the analysis, or returns null (after saying why) when there is nothing to check. */
    protected AnalysisResult analyse() throws MojoExecutionException {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> files = sources(base);
        if (files.isEmpty()) {
            if (!quiet) {
                getLog().info("dovelint: no C sources in " + describeDirectories(base) + ", nothing to check");
            }
            return null;
        }
        Analyzer.Builder builder = analyzer(base, files);
        RunStats runStats = new RunStats();
        if (stats) {
            builder.progress(runStats);
        }
        AnalysisResult result;
        try {
            result = builder.build().run();
        } catch (AnalysisException e) {
            throw new MojoExecutionException("dovelint: " + e.describe(), e);
        }
        if (!quiet) {
            for (Problem p : result.problems()) {
                getLog().warn(TextReport.formatProblem(p));
            }
        }
        if (stats) {
            runStats.lines(result).forEach(getLog()::info);
        }
        return result;
    }

    /** The analysis of {@code files} as this goal's parameters say. */
    private Analyzer.Builder analyzer(Path base, List<Path> files) throws MojoExecutionException {
        Analyzer.Builder builder = Analyzer.builder().root(root.toPath()).paths(files);
        if (configFile != null) {
            Path config = configFile.toPath().toAbsolutePath().normalize();
            if (Files.isRegularFile(config)) {
                builder.configFile(config);
            } else if (!config.equals(base.resolve(Analyzer.CONFIG_FILE))) {
                throw new MojoExecutionException("dovelint: configFile " + config + " does not exist");
            }
        }
        if (includePaths != null) {
            includePaths.forEach(p -> builder.includeDir(p.toPath().toAbsolutePath()));
        }
        if (defines != null) {
            for (String d : defines) {
                String def = d.trim();
                int eq = def.indexOf('=');
                String name = eq < 0 ? def : def.substring(0, eq);
                if (!MACRO_NAME.matcher(name).matches()) {
                    throw new MojoExecutionException("dovelint: define '" + d + "' is not NAME or NAME=VALUE");
                }
                builder.define(name, eq < 0 ? "" : def.substring(eq + 1));
            }
        }
        if (compileCommands != null) {
            builder.compileCommands(compileCommands.toPath().toAbsolutePath());
        }
        if (kernelDb != null) {
            builder.kernelDb(io.github.dovelint.kerneldb.KernelDbChoice.parse(kernelDb,
                    project.getBasedir().toPath().toAbsolutePath().normalize()));
        }
        builder.configPass(configPass);
        if (threads < 0) {
            throw new MojoExecutionException("dovelint: threads must be at least 1, or 0 for the number of cores"
                    + " (got " + threads + ")");
        }
        if (threads > 0) {
            builder.threads(threads);
        }
        if (!noCache && cacheDirectory != null) {
            builder.cacheDir(cacheDirectory.toPath().toAbsolutePath().normalize());
        }
        return builder.scope(scope(scope)).limits(LimitParameters.limits(maxFileSize, fileTimeout, maxAstDepth));
    }

    /** Whether the source directories hold a file to check. */
    protected boolean hasSources() throws MojoExecutionException {
        return !sources(project.getBasedir().toPath().toAbsolutePath().normalize()).isEmpty();
    }

    private List<Path> sources(Path base) throws MojoExecutionException {
        List<String> in = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        List<String> out = new ArrayList<>(excludes == null || excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes);
        List<Path> found = new ArrayList<>();
        for (Path dir : directories(base)) {
            List<String> all = new ArrayList<>(out);
            Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
            if (build.startsWith(dir) && !build.equals(dir)) {
                all.add(SourceScanner.relative(dir, build) + "/**");
            }
            if ("pom".equals(project.getPackaging())) {
                for (String module : project.getModules()) {
                    Path m = base.resolve(module).normalize();
                    if (m.getFileName().toString().endsWith(".xml")) {
                        m = m.getParent();
                    }
                    if (m != null && m.startsWith(dir) && !m.equals(dir)) {
                        all.add(SourceScanner.relative(dir, m) + "/**");
                    }
                }
            }
            try {
                found.addAll(SourceScanner.scan(dir, in, all));
            } catch (IOException e) {
                throw new MojoExecutionException("dovelint: cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    private List<Path> directories(Path base) {
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            return List.of(base);
        }
        return sourceDirectories.stream().map(f -> base.resolve(f.toPath()).toAbsolutePath().normalize()).toList();
    }

    private String describeDirectories(Path base) {
        return String.join(", ", directories(base).stream().map(Path::toString).toList());
    }

    /** {@code path} relative to the working directory when it is below it, for messages people can paste. */
    static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
