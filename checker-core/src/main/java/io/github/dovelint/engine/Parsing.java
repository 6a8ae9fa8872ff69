package io.github.dovelint.engine;

import io.github.dovelint.Location;
import io.github.dovelint.Problem;
import io.github.dovelint.cache.FactCache;
import io.github.dovelint.facts.FactExtractor;
import io.github.dovelint.facts.SourcePositions;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.ParsedUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses files and extracts their facts on a pool of threads. Results come
 * back in input order whatever the thread count, so output is deterministic.
 * The AST of a file is dropped as soon as its facts are extracted.
 */
final class Parsing {

    private final Relativizer relativizer;
    private final int threads;
    private final ProgressListener progress;
    private FactCache cache;

    Parsing(Relativizer relativizer, int threads) {
        this(relativizer, threads, ProgressListener.NONE);
    }

    Parsing(Relativizer relativizer, int threads, ProgressListener progress) {
        this.relativizer = relativizer;
        this.threads = threads;
        this.progress = progress;
    }

    /** Parses with this cache of facts from now on (null: none). */
    void cache(FactCache value) {
        cache = value;
    }

    List<ParsedFile> parseAll(List<Path> sources, CParser parser, Set<String> oobFields) {
        if (threads <= 1 || sources.size() <= 1) {
            List<ParsedFile> out = new ArrayList<>();
            for (Path p : sources) {
                out.add(parseOne(parser, p, oobFields));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, sources.size()), r -> {
            Thread t = new Thread(null, r, "dovelint-parse", 64L << 20); // deep ASTs need a deep stack
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ParsedFile>> futures = new ArrayList<>();
            for (Path p : sources) {
                futures.add(pool.submit(() -> parseOne(parser, p, oobFields)));
            }
            List<ParsedFile> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                out.add(await(futures.get(i), sources.get(i)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private ParsedFile await(Future<ParsedFile> f, Path source) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        } catch (ExecutionException e) {
            return failed(source, "internal error: " + e.getCause());
        }
    }

    private ParsedFile failed(Path source, String why) {
        String file = relativizer.apply(source);
        return new ParsedFile(file, null, List.of(new Problem(Problem.Kind.PARSE, new Location(file, 0, 0), why)), 0, "");
    }

    private ParsedFile parseOne(CParser parser, Path source, Set<String> oobFields) {
        ParsedFile out = cache == null ? parseFresh(parser, source, oobFields, null)
                : CachedParse.parse(cache, relativizer.apply(source), source,
                        src -> parseFresh(parser, source, oobFields, src));
        progress.fileDone(out.file(), out.lines());
        return out;
    }

    private ParsedFile parseFresh(CParser parser, Path source, Set<String> oobFields, CachedParse.Headers headers) {
        String file = relativizer.apply(source);
        try {
            ParsedUnit unit = parser.parse(source);
            if (headers != null) {
                headers.collect(unit);
            }
            List<Problem> problems = new ArrayList<>();
            for (Problem p : unit.problems()) {
                Location l = p.location();
                problems.add(new Problem(p.kind(), new Location(relativizer.apply(l.file()), l.line(), l.column()),
                        p.message()));
            }
            UnitFacts facts = null;
            if (unit.ast() != null) {
                SourcePositions positions = new SourcePositions(relativizer::apply, source.toString(), unit.text());
                facts = new FactExtractor(positions, oobFields).extract(file, unit.ast());
            }
            return new ParsedFile(file, facts, problems, countLines(unit.text()), unit.text());
        } catch (StackOverflowError e) {
            return failed(source, "too deeply nested to analyse");
        } catch (RuntimeException e) {
            return failed(source, "internal error: " + e);
        }
    }

    private static long countLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long n = text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? n : n + 1;
    }
}
