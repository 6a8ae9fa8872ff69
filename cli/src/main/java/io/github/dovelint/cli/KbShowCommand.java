package io.github.dovelint.cli;

import io.github.dovelint.Analyzer;
import io.github.dovelint.config.Config;
import io.github.dovelint.config.ConfigLoader;
import io.github.dovelint.kb.FunctionAttribute;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.Kept;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Use;
import io.github.dovelint.kerneldb.DerivedFact;
import io.github.dovelint.kerneldb.KernelDb;
import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.kerneldb.KernelDbs;
import io.github.dovelint.model.Location;
import io.github.dovelint.yaml.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dovelint kb show NAME}: everything dovelint believes about a function and where each
 * belief comes from, in precedence order (docs/kernel-db.md#precedence): the project's
 * configuration, the curated kernel.yml, the kernel database; then the entry a run uses.
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Print what dovelint believes about a function, and where each belief comes from.")
final class KbShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: the nearest .dovelint.yml in or above the working directory).")
    Path config;

    @Option(names = "--kernel-db", paramLabel = "NAME|FILE",
            description = "Kernel database: linux-6.1, linux-6.12 (shipped), none, or a file (default: the"
                    + " configuration's kernel-db, else linux-6.12).")
    String kernelDb;

    @Parameters(arity = "1", paramLabel = "NAME", description = "The function.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path configFile = config != null ? CheckCommand.absolute(config) : nearestConfig();
            if (config != null && !Files.isRegularFile(configFile)) {
                err.println("dovelint: " + config + ": configuration file not found");
                return Main.EXIT_USAGE;
            }
            Config cfg = configFile == null ? Config.empty() : ConfigLoader.load(configFile);
            KnowledgeBase curated = KnowledgeBase.bundled();
            KernelDbChoice choice = kernelDb != null ? KernelDbChoice.parse(kernelDb, Path.of("").toAbsolutePath())
                    : cfg.kernelDb().map(Config.KernelDbSetting::choice).orElse(KernelDbChoice.DEFAULT);
            KernelDb db = KernelDbs.load(choice, choice.file() == null ? choice.toString() : shown(choice.file()));

            out.println(name + ":");
            boolean any = false;
            FunctionSpec own = cfg.overrides().functions().get(name);
            if (own != null) {
                out.println("  project configuration (" + where(own.where()) + "): " + render(own));
                any = true;
            } else {
                out.println("  project configuration: " + (configFile == null ? "none found" : "no entry"));
            }
            Optional<FunctionSpec> kernelYml = curated.declaredFunction(name);
            kernelYml.ifPresent(s -> {
                out.println("  curated kernel.yml (" + where(s.where()) + "): " + render(s));
                s.kept().ifPresent(k -> out.println("    (kept next to the database: " + k.meaning() + ")"));
            });
            if (kernelYml.isEmpty()) {
                out.println("  curated kernel.yml: no entry");
            }
            any |= kernelYml.isPresent();
            if (db == null) {
                out.println("  kernel database: none (kernel-db: none)");
            } else {
                List<DerivedFact> facts = db.factsOf(name);
                out.println("  kernel database " + db.name() + (choice.shipped() != null ? " (shipped)" : "") + ":"
                        + (facts.isEmpty() ? " no entry" : ""));
                for (DerivedFact f : facts) {
                    out.println("    " + f.attribute() + ": " + f.value() + " (" + f.reason() + ")");
                }
                if (!facts.isEmpty() && (own != null || kernelYml.isPresent())) {
                    out.println("    (below the " + (own != null ? "project configuration" : "curated entry")
                            + ", which wins)");
                }
                any |= !facts.isEmpty();
            }
            KnowledgeBase effective = cfg.knowledge(db == null ? curated : curated.withDatabase(db, db.checksum()));
            Optional<FunctionSpec> used = effective.function(name);
            if (used.isPresent()) {
                out.println("  in a run: " + render(used.get())
                        + (effective.declaredFunction(name).isEmpty()
                        ? " (unless its body is in the run, which then wins)" : ""));
            } else {
                out.println("  in a run: " + (any ? "nothing" : "unknown") + ": assumed not to sleep"
                        + " (unless its body is in the run)");
            }
            out.flush();
            return Main.EXIT_CLEAN;
        } catch (ConfigException e) {
            Location w = e.location();
            err.println("dovelint: " + (w == null ? "" : w.line() > 0 ? w.file() + ":" + w.line() + ": "
                    : w.file() + ": ") + Main.oneLine(e.detail()));
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    /** {@code sleeps: true, gfp-arg: 1, uses: [current-files], why: ...}, in attribute order. */
    static String render(FunctionSpec s) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<FunctionAttribute, Object> e : s.attributes().entrySet()) {
            Object v = e.getValue();
            String value = v instanceof Set<?> set
                    ? set.stream().map(u -> ((Use) u).key()).collect(Collectors.joining(", ", "[", "]"))
                    : v instanceof Kept k ? k.key() : String.valueOf(v);
            parts.add(e.getKey().key() + ": " + value);
        }
        return parts.isEmpty() ? "(no attribute)" : String.join(", ", parts);
    }

    private static String where(Location l) {
        if (l == null) {
            return "?";
        }
        String file = l.file().startsWith("/io/github/dovelint/kb/") ? "kernel.yml" : shown(Path.of(l.file()));
        return l.line() > 0 ? file + ":" + l.line() : file;
    }

    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static Path nearestConfig() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve(Analyzer.CONFIG_FILE);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }
}
