package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Version;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.parse.Prelude;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the {@link FactCache} of a program unit: its key covers everything but the files. */
final class FactCaches {

    /** The name of the default cache folder, under the checked root. */
    static final String DEFAULT_DIR = ".dovelint-cache";

    private static final String BUILD = buildStamp();

    private FactCaches() {
    }

    static FactCache forUnit(Path dir, String toolVersion, Path root, ParseOptions options,
                             Collection<String> oobFields, GuardClasses guards) {
        return forUnit(dir, toolVersion, root, options, oobFields, guards,
                io.github.dovelint.cache.FileHashes.inMemory(), io.github.dovelint.cache.CacheWrites.quiet(dir),
                Limits.DEFAULT);
    }

    /**
     * The facts depend on the oob fields and on what each guard class stands for: both are in the
     * key. So are the per-file limits: a file analysed under one set may be over another, and must
     * then be skipped as in a run without the cache, not served from it.
     */
    static FactCache forUnit(Path dir, String toolVersion, Path root, ParseOptions options,
                             Collection<String> oobFields, GuardClasses guards,
                             io.github.dovelint.cache.FileHashes hashes, io.github.dovelint.cache.CacheWrites writes,
                             Limits limits) {
        FactCache.KeyBuilder key = new FactCache.KeyBuilder()
                .add("version", toolVersion)
                .add("build", BUILD)
                .add("root", root.toString())
                .add("include", options.includeDirs().toString())
                .add("defines", new TreeMap<>(options.defines()).toString())
                .addFile("compile-commands", options.compileCommands())
                .add("prelude", Boolean.toString(options.prelude()))
                .add("prelude-annotations", Prelude.ANNOTATIONS)
                .add("prelude-types", Prelude.TYPES)
                .add("oob", new TreeSet<>(oobFields).toString())
                .add("guard-classes", guards.fingerprint())
                .add("limits", limits.maxFileBytes() + " " + limits.fileTimeout().toMillis() + " "
                        + limits.maxAstDepth());
        return new FactCache(dir, key.build(), hashes, writes);
    }

    static FactCache forUnit(Path dir, Path root, ParseOptions options, Collection<String> oobFields,
                             GuardClasses guards, io.github.dovelint.cache.FileHashes hashes,
                             io.github.dovelint.cache.CacheWrites writes, Limits limits) {
        return forUnit(dir, Version.get(), root, options, oobFields, guards, hashes, writes, limits);
    }

    /** For development builds, whose version does not change with the code: the jar's size and time. */
    private static String buildStamp() {
        try {
            var source = FactCaches.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "";
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis() : "";
        } catch (Exception | LinkageError e) {
            return "";
        }
    }
}
