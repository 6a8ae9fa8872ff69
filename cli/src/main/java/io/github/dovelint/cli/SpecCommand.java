package io.github.dovelint.cli;

import io.github.dovelint.files.InputFiles;
import io.github.dovelint.spec.CompanionCore;
import io.github.dovelint.spec.ContractTable;
import io.github.dovelint.spec.Explainer;
import io.github.dovelint.spec.FaultyCores;
import io.github.dovelint.spec.Scenario;
import io.github.dovelint.spec.ScenarioException;
import io.github.dovelint.spec.TraceChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dovelint spec}: the reference tracker, the executable form of the
 * hook contracts (package {@code io.github.dovelint.spec}). Exit codes: 0 fine,
 * 1 an invariant broken or a trace diverging, 2 usage or input errors.
 */
@Command(name = "spec", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "The reference tracker: the hook contracts as an executable specification.",
        subcommands = {SpecCommand.Contracts.class, SpecCommand.Explain.class, SpecCommand.CheckTrace.class})
final class SpecCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dovelint: missing spec command: contracts, explain or check-trace");
        spec.commandLine().usage(err);
        err.flush();
        return Main.EXIT_USAGE;
    }

    static String read(String path) throws IOException {
        byte[] bytes = path.equals("-") ? InputFiles.read(System.in, InputFiles.SPEC_INPUT)
                : InputFiles.read(Path.of(path), InputFiles.SPEC_INPUT);
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    static int unreadable(CommandLine.Model.CommandSpec spec, String path, IOException e) {
        spec.commandLine().getErr().println("dovelint: cannot read " + path + ": "
                + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : Main.oneLine(e.getMessage())));
        return Main.EXIT_USAGE;
    }

    /** {@code dovelint spec contracts [--why]}. */
    @Command(name = "contracts", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = "Print the hook contract table (generated at build time from the spec's hook interface).")
    static final class Contracts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--why", description = "Print the rule pages' generated \"why\" section (Markdown) instead.")
        boolean why;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(why ? ContractTable.whyMarkdown() : ContractTable.get().render());
            out.flush();
            return 0;
        }
    }

    /** {@code dovelint spec explain [--core NAME] SCENARIO}. */
    @Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = {"Replay a scenario (one operation a line, see the README) on the VFS model and print each",
                "hook call with its entry context and the core's index after each step.",
                "Operations: open T oob|plain [cloexec] [resizing], dup T FD, fcntl-dupfd T FD MIN [cloexec],",
                "dup2 T OLD NEW, dup3 T OLD NEW [cloexec], close T FD, close-range T LO HI [cloexec], exec T,",
                "fork T CHILD, clone-files T CHILD, unshare T, exit T, hold T Fn, drop T Fn."})
    static final class Explain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--core", paramLabel = "NAME", defaultValue = "reference",
                description = "The core to drive: reference (default), stale-replace, strict-uninstall or oob-blind-install.")
        String core;

        @Parameters(paramLabel = "SCENARIO", description = "The scenario file, or - for standard input.")
        String scenario;

        @Override
        public Integer call() {
            CompanionCore c = FaultyCores.byName(core);
            if (c == null) {
                spec.commandLine().getErr().println("dovelint: unknown core '" + core + "' (expected one of: "
                        + String.join(", ", FaultyCores.NAMES) + ")");
                return Main.EXIT_USAGE;
            }
            String text;
            try {
                text = read(scenario);
            } catch (IOException e) {
                return unreadable(spec, scenario, e);
            }
            try {
                Explainer.Result r = Explainer.explain(Scenario.parse(scenario.equals("-") ? "<stdin>" : scenario, text), c);
                PrintWriter out = spec.commandLine().getOut();
                out.print(r.text());
                out.flush();
                return r.ok() ? 0 : Main.EXIT_FINDINGS;
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
    }

    /** {@code dovelint spec check-trace FILE}. */
    @Command(name = "check-trace", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = {"Check a recorded sequence of hook calls against the spec and report the first divergence.",
                "JSON lines: {\"hook\":\"install\",\"fd\":3,\"files\":1,\"file\":7,\"oob\":true,\"task\":\"T1\"},",
                "optionally with \"index\":[[files,fd,file],...], the recording core's index after the call."})
    static final class CheckTrace implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The trace, or - for standard input.")
        String file;

        @Override
        public Integer call() {
            String text;
            try {
                text = read(file);
            } catch (IOException e) {
                return unreadable(spec, file, e);
            }
            try {
                TraceChecker.Result r = TraceChecker.check(file.equals("-") ? "<stdin>" : file, text);
                PrintWriter out = spec.commandLine().getOut();
                out.print(r.text());
                out.flush();
                return r.ok() ? 0 : Main.EXIT_FINDINGS;
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
    }
}
