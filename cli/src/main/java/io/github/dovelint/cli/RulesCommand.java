package io.github.dovelint.cli;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.RuleDescriptor;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code dovelint rules [ID]}: the rule catalog, or one rule's page. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "List every rule, or print the documentation page of one (dovelint rules DL101).")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule id (DL101) or name (hook-may-sleep).")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleDescriptor> catalog = Analyzer.catalog();
        if (id == null) {
            for (RuleDescriptor d : catalog) {
                out.printf("%-6s %-30s %-8s %s%n", d.id(), d.name(), d.defaultSeverity().label(), d.summary());
            }
            out.flush();
            return 0;
        }
        for (RuleDescriptor d : catalog) {
            if (d.id().equalsIgnoreCase(id) || d.name().equalsIgnoreCase(id)) {
                out.println(d.id() + " " + d.name() + " (default severity: " + d.defaultSeverity().label() + ")");
                out.println(d.summary());
                out.println();
                out.print(d.page().isEmpty() ? "(no page)\n" : d.page());
                out.flush();
                return 0;
            }
        }
        spec.commandLine().getErr().println("dovelint: unknown rule '" + id + "' (see 'dovelint rules')");
        return Main.EXIT_USAGE;
    }
}
