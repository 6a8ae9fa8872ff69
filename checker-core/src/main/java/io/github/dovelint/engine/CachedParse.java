package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.model.Problem;
import io.github.dovelint.parse.ParsedUnit;
import io.github.dovelint.parse.Prelude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;

/** Parsing through a {@link FactCache}: a hit skips the parser, a miss parses and stores. */
final class CachedParse {

    private CachedParse() {
    }

    /** Collects the headers a unit included, for the cache key of its entry. */
    static final class Headers {
        final List<Path> paths = new ArrayList<>();
        boolean collected;

        void collect(ParsedUnit unit) {
            collected = true;
            if (unit.ast() == null) {
                return;
            }
            for (IASTPreprocessorIncludeStatement inc : unit.ast().getIncludeDirectives()) {
                if (inc.isResolved()) {
                    String p = inc.getPath();
                    if (p != null && !p.isEmpty() && !Prelude.isPreludePath(p)) {
                        paths.add(Path.of(p).toAbsolutePath().normalize());
                    }
                }
            }
        }
    }

    static ParsedFile parse(FactCache cache, String file, Path source, Function<Headers, ParsedFile> fresh) {
        FactCache.Lookup lookup = cache.lookup(source, file);
        FactCache.Entry hit = lookup.hit();
        if (hit != null) {
            return new ParsedFile(file, hit.facts(), hit.problems(), hit.lines(), hit.text())
                    .withCached(new ParsedFile.Cached(lookup.source().hash(), hit.factsDigest(), hit.headers()));
        }
        Headers headers = new Headers();
        ParsedFile parsed = fresh.apply(headers);
        if (headers.collected && cacheable(parsed) && lookup.source() != null) {
            byte[] digest = cache.store(lookup.source(), headers.paths,
                    new FactCache.Entry(parsed.facts(), parsed.problems(), parsed.lines(), parsed.text()));
            return parsed.withCached(new ParsedFile.Cached(lookup.source().hash(), digest,
                    List.copyOf(headers.paths)));
        }
        return parsed; // not cacheable: the unit gets no run record
    }

    /**
     * Only analysed files are cached: a file skipped (too large, too slow,
     * unreadable, binary) depends on the limits and the machine, which are not
     * part of the cache key, and an internal error must be retried.
     */
    private static boolean cacheable(ParsedFile parsed) {
        if (parsed.facts() == null) {
            return false;
        }
        for (Problem p : parsed.problems()) {
            if (p.message().startsWith("internal error") || p.message().equals("interrupted")) {
                return false;
            }
        }
        return true;
    }
}
