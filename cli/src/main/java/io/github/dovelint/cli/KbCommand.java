package io.github.dovelint.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dovelint kb}: the kernel database (docs/kernel-db.md), derived from a kernel tree
 * ({@code kb derive}) and what dovelint believes about a function ({@code kb show}).
 */
@Command(name = "kb", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "The kernel knowledge: derive a kernel database, show what is known of a function.",
        subcommands = {KbDeriveCommand.class, KbShowCommand.class})
final class KbCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dovelint: missing kb command: derive or show");
        spec.commandLine().usage(err);
        err.flush();
        return Main.EXIT_USAGE;
    }
}
