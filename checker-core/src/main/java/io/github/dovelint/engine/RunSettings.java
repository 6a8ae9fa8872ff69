package io.github.dovelint.engine;

import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.model.Limits;
import io.github.dovelint.rules.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs, with paths already absolute: what the public {@code Analyzer}'s
 * builder collected, in a form the engine owns so that it depends on nothing above it.
 *
 * @param root            the checked root: reports name files relative to it
 * @param paths           files and directories to analyse
 * @param configFile      an explicit configuration file, or null to look for {@value #CONFIG_FILE}
 * @param includeDirs     extra include directories
 * @param defines         extra macro definitions
 * @param compileCommands a compile_commands.json, or null
 * @param threads         parser threads (at least 1)
 * @param rules           the rules to run
 * @param knowledge       the knowledge base before configuration, or null for the bundled one
 * @param limits          per-file budgets given by the caller, or null for the configuration's
 *                        ({@code limits:}) over {@link Limits#DEFAULT}; each non-default value
 *                        here wins over the configuration
 * @param cacheDir        the folder of the facts cache, or null for no cache
 * @param progress        hears the run advance (never null)
 * @param scope           which files are parsed
 * @param kernelDb        the kernel database to load under the knowledge base, or null for the
 *                        configuration's {@code kernel-db:}, else the default (docs/kernel-db.md#choosing)
 * @param programSink     hears each unit's call graph, or null
 * @param configPass      whether the reached files are also analysed with their {@code CONFIG_*}
 *                        options defined when no real configuration is given ({@link ConfigPass}),
 *                        or null for the configuration's {@code config-pass:}, else on
 * @param overlay         texts read instead of the files they stand for (never null;
 *                        docs/robustness.md#unsaved-buffers)
 */
public record RunSettings(Path root, List<Path> paths, Path configFile, List<Path> includeDirs,
                          Map<String, String> defines, Path compileCommands, int threads, List<Rule> rules,
                          KnowledgeBase knowledge, Limits limits, Path cacheDir, ProgressListener progress,
                          ParseScope scope, io.github.dovelint.kerneldb.KernelDbChoice kernelDb,
                          ProgramSink programSink, Boolean configPass, SourceOverlay overlay) {

    /** The name of the project configuration file looked up in the checked tree. */
    public static final String CONFIG_FILE = ".dovelint.yml";

    public RunSettings {
        paths = List.copyOf(paths);
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        rules = List.copyOf(rules);
        progress = progress == null ? ProgressListener.NONE : progress;
        scope = scope == null ? ParseScope.AUTO : scope;
        overlay = overlay == null ? SourceOverlay.NONE : overlay;
    }
}
