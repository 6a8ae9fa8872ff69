package io.github.dovelint.engine;

import io.github.dovelint.cache.CacheWrites;
import io.github.dovelint.cache.FileHashes;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Location;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.CompileCommands;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.parse.ParseSetupException;
import io.github.dovelint.suppress.Suppression;
import io.github.dovelint.suppress.SuppressionScanner;
import java.nio.file.Path;
import java.util.List;

/**
 * What the stages of one run share once it is planned: its settings and limits, how it names
 * files, the configuration digest, the timings, the parser pool, and what it knows of files'
 * bytes. One per run, handed to each stage; nothing here outlives the run but the hashes
 * {@link FileHashes#save() saved} at its end.
 *
 * @param fileHashes  one per run, shared by the units: a header several include is hashed once
 * @param cacheWrites whether the run still writes its cache folder (null without one): tried
 *                    at the start, off at the first failure, which the progress listener hears
 */
record RunContext(RunSettings settings, Relativizer relativizer, ConfigDigest digest, Limits limits,
                  Timings timings, Parsing parsing, FileHashes fileHashes, CacheWrites cacheWrites) {

    static RunContext start(RunSettings settings, Relativizer relativizer, ConfigDigest digest, Limits limits) {
        Parsing parsing = new Parsing(relativizer, settings.threads(), limits, settings.progress(),
                settings.overlay());
        CacheWrites writes = settings.cacheDir() == null ? null
                : CacheWrites.probe(settings.cacheDir(), settings.progress()::cacheOff);
        FileHashes hashes = settings.cacheDir() == null ? FileHashes.inMemory(settings.overlay())
                : FileHashes.at(settings.cacheDir().resolve(FileHashes.FILE_NAME), writes, settings.overlay());
        return new RunContext(settings, relativizer, digest, limits, new Timings(), parsing, hashes, writes);
    }

    ProgressListener progress() {
        return settings.progress();
    }

    /** The source lines of findings, as this run reads the files. */
    Snippets snippets() {
        return new Snippets(relativizer, settings.overlay());
    }

    /** The dovelint-ignore comments of a file not parsed (a header, a file out of reach). */
    List<Suppression> suppressionsOf(Path file) {
        if (!fileHashes.marked(file)) {
            return List.of(); // most files: not decoded, and not even read while their stat holds
        }
        return List.copyOf(SuppressionScanner.scan(relativizer.apply(file),
                Snippets.readLenient(file, limits.maxFileBytes(), settings.overlay())));
    }

    /**
     * A parser for these options. Made only when something is to be parsed: a
     * compile_commands.json is read, and enters the configuration digest, only then.
     */
    CParser parser(ParseOptions options) throws AnalysisException {
        if (options.compileCommands() == null) {
            return new CParser(options).withOverlay(settings.overlay());
        }
        try {
            digest.addFile("compile-commands", options.compileCommands());
            return new CParser(options, CompileCommands.load(options.compileCommands())).withOverlay(settings.overlay());
        } catch (ParseSetupException e) {
            String m = e.getMessage();
            int cut = m.indexOf(": ", String.valueOf(e.file()).length());
            throw new AnalysisException(new Location(relativizer.shown(options.compileCommands()), e.line(),
                    e.column()), cut < 0 ? m : m.substring(cut + 2));
        }
    }
}
