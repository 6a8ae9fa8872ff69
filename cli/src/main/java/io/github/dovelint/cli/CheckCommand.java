package io.github.dovelint.cli;

import io.github.dovelint.AnalysisException;
import io.github.dovelint.AnalysisResult;
import io.github.dovelint.Analyzer;
import io.github.dovelint.Problem;
import io.github.dovelint.report.AtomicFiles;
import io.github.dovelint.report.ReportWriter;
import io.github.dovelint.report.ReportWriters;
import io.github.dovelint.report.TextReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dovelint check}: analyse sources and report findings. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Analyse C sources (files or directories) and report contract violations.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

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

    @Option(names = "--root", paramLabel = "DIR",
            description = "Report file names relative to DIR (default: the working directory).")
    Path root;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores).")
    Integer threads;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "C files or directories to analyse.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportWriter writer = ReportWriters.find(format).orElse(null);
        if (writer == null) {
            err.println("dovelint: unknown format '" + format + "' (expected one of: "
                    + String.join(", ", ReportWriters.names()) + ")");
            return Main.EXIT_USAGE;
        }
        Analyzer.Builder builder = Analyzer.builder().root(root != null ? root : Path.of("")).paths(paths)
                .configFile(config).compileCommands(compileCommands);
        includes.forEach(builder::includeDir);
        for (String d : defines) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                err.println("dovelint: -D" + d + ": not a macro name");
                return Main.EXIT_USAGE;
            }
            builder.define(name, eq < 0 ? "" : d.substring(eq + 1));
        }
        if (threads != null) {
            if (threads < 1) {
                err.println("dovelint: --threads must be at least 1");
                return Main.EXIT_USAGE;
            }
            builder.threads(threads);
        }
        AnalysisResult result;
        try {
            result = builder.build().run();
        } catch (AnalysisException e) {
            err.println("dovelint: " + e.describe());
            return Main.EXIT_USAGE;
        }
        for (Problem p : result.problems()) {
            err.println(TextReport.formatProblem(p));
        }
        try {
            if (output != null) {
                AtomicFiles.write(output, w -> writer.write(result, w));
            } else {
                Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                writer.write(result, out);
                out.flush();
            }
        } catch (IOException e) {
            err.println("dovelint: cannot write the report: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (output != null || !writer.formatName().equals("text")) {
            err.println(TextReport.summary(result));
        }
        err.flush();
        return result.hasFindings() ? 1 : 0;
    }
}
