package io.github.dovelint.cli;

import io.github.dovelint.model.Version;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code dovelint} command. Exit codes: 0 clean, 1 findings, 2 usage or
 * input errors (and internal errors, reported in one line, never as a stack
 * trace). For {@code check}, a run in which some file could not be analysed
 * (unreadable, undecodable, binary, skipped by a limit) also exits 2, unless
 * {@code --keep-going}; parse problems in files that were analysed do not.
 *
 * <p>{@link #run(PrintStream, PrintStream, String...)} runs a command line in
 * process with the given standard output and error (UTF-8), for tests and
 * embedders; {@link #main} is {@code System.exit(run(System.out, System.err, args))}.
 */
@Command(name = "dovelint", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Static checker for the Dovetail fd hooks and the code around them.",
        subcommands = {CheckCommand.class, RulesCommand.class, SpecCommand.class, KbCommand.class, LspCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    /** No findings. */
    public static final int EXIT_CLEAN = 0;
    /** The report has findings. */
    public static final int EXIT_FINDINGS = 1;
    /**
     * Usage errors and input errors (missing paths, bad configuration, files that
     * could not be analysed unless {@code --keep-going}), internal errors.
     */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with the process's standard streams and returns the exit code. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /**
     * Runs the command line, writing the report and listings to {@code out} and
     * diagnostics (input problems, summaries of file reports, errors) to
     * {@code err}, both in UTF-8, and returns the exit code. Both streams are
     * flushed, not closed.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            CommandLine cl = commandLine();
            cl.setOut(outWriter);
            cl.setErr(errWriter);
            return cl.execute(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // picocli's handlers cover the commands; this covers picocli itself and errors
            errWriter.println(internalError(e));
            return EXIT_USAGE;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The configured command line, without streams (picocli's defaults: the process's). */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println(internalError(ex));
            return EXIT_USAGE;
        });
        cl.setParameterExceptionHandler(Main::usageError);
        return cl;
    }

    /** One line and a hint, instead of picocli's full usage dump. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("dovelint: " + oneLine(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    static String internalError(Throwable ex) {
        Throwable cause = ex;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String what = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + oneLine(cause.getMessage());
        return "dovelint: internal error: " + what + " (this is a dovelint bug; please report it with the command line)";
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** {@code dovelint} without a command: the usage on stderr, exit 2. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dovelint: missing command: check, rules, spec or kb");
        spec.commandLine().usage(err);
        err.flush();
        return EXIT_USAGE;
    }

    /** The version for {@code --version}: {@code dovelint 0.1.0}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dovelint " + Version.get()};
        }
    }
}
