package io.github.dovelint.cli;

import io.github.dovelint.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dovelint} command. Exit codes: 0 clean, 1 findings, 2 usage or input errors. */
@Command(name = "dovelint", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Static checker for the Dovetail fd hooks and the code around them.",
        subcommands = {CheckCommand.class, RulesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Usage errors and input errors (missing paths, bad configuration). */
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("dovelint: internal error: " + ex);
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check or rules");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dovelint " + Version.get()};
        }
    }
}
