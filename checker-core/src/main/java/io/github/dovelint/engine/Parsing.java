package io.github.dovelint.engine;

import io.github.dovelint.Limits;
import io.github.dovelint.Location;
import io.github.dovelint.Problem;
import io.github.dovelint.cache.FactCache;
import io.github.dovelint.facts.FactExtractor;
import io.github.dovelint.facts.SharedDefinitions;
import io.github.dovelint.facts.SourcePositions;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.ParsedUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Parses files and extracts their facts, each file on its own thread with a
 * deep stack, at most {@code threads} at a time. Results come back in input
 * order whatever the thread count, so output is deterministic. The AST of a
 * file is dropped as soon as its facts are extracted.
 *
 * <p>Every file runs under its time budget: the parser is cancelled when the
 * budget is spent (see {@link CParser#parse(Path, Limits)}), and a file whose
 * work still has not finished after a grace period is given up ("skipped: too
 * slow"), its thread abandoned (a daemon; it cannot be stopped safely), and
 * the run goes on.
 */
final class Parsing {

    /** The stack of a parse thread: deep enough for any AST within {@link Limits#maxAstDepth()}. */
    static final long STACK_BYTES = 256L << 20;

    private static final ScheduledExecutorService WATCHDOG = watchdog("dovelint-file-watchdog");

    private final Relativizer relativizer;
    private final int threads;
    private final Limits limits;
    private final ProgressListener progress;
    private FactCache cache;
    private final SharedDefinitions shared = new SharedDefinitions();

    Parsing(Relativizer relativizer, int threads, Limits limits, ProgressListener progress) {
        this.relativizer = relativizer;
        this.threads = threads;
        this.limits = limits;
        this.progress = progress;
    }

    /** Parses with this cache of facts from now on (null: none). */
    void cache(FactCache value) {
        cache = value;
    }

    List<ParsedFile> parseAll(List<Path> sources, CParser parser, Set<String> oobFields) {
        Semaphore permits = new Semaphore(Math.max(1, threads));
        List<CompletableFuture<ParsedFile>> futures = new ArrayList<>();
        for (Path source : sources) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.add(CompletableFuture.completedFuture(failed(source, Problem.Kind.INTERNAL, "interrupted")));
                continue;
            }
            CompletableFuture<ParsedFile> result = new CompletableFuture<>();
            AtomicBoolean released = new AtomicBoolean();
            Runnable release = () -> {
                if (released.compareAndSet(false, true)) {
                    permits.release();
                }
            };
            Thread worker = new Thread(null, () -> {
                try {
                    result.complete(parseOne(parser, source, oobFields));
                } catch (Throwable t) {
                    result.complete(failed(source, Problem.Kind.INTERNAL, "internal error: " + t));
                } finally {
                    release.run();
                }
            }, "dovelint-parse", STACK_BYTES);
            worker.setDaemon(true);
            long grace = limits.fileTimeout().toMillis() + Math.max(1000, limits.fileTimeout().toMillis() / 2);
            java.util.concurrent.ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
                if (result.complete(failed(source, Problem.Kind.INPUT, "skipped: too slow (over "
                        + Limits.describe(limits.fileTimeout()) + "; raise the limit with --file-timeout or"
                        + " limits: file-timeout)"))) {
                    worker.interrupt();
                    release.run();
                }
            }, grace, TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> alarm.cancel(false));
            worker.start();
            futures.add(result);
        }
        List<ParsedFile> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            out.add(await(futures.get(i), sources.get(i)));
        }
        return out;
    }

    private ParsedFile await(CompletableFuture<ParsedFile> f, Path source) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, Problem.Kind.INTERNAL, "interrupted");
        } catch (ExecutionException e) {
            return failed(source, Problem.Kind.INTERNAL, "internal error: " + e.getCause());
        }
    }

    private ParsedFile failed(Path source, Problem.Kind kind, String why) {
        String file = relativizer.apply(source);
        return new ParsedFile(file, null, List.of(new Problem(kind, new Location(file, 0, 0), why)), 0, "");
    }

    private ParsedFile parseOne(CParser parser, Path source, Set<String> oobFields) {
        ParsedFile out = cache == null ? parseFresh(parser, source, oobFields, null)
                : CachedParse.parse(cache, relativizer.apply(source), source,
                        src -> parseFresh(parser, source, oobFields, src));
        progress.fileDone(out.file(), out.lines());
        return out.scanned().withFacts(shared.share(out.facts()));
    }

    private ParsedFile parseFresh(CParser parser, Path source, Set<String> oobFields, CachedParse.Headers headers) {
        String file = relativizer.apply(source);
        try {
            ParsedUnit unit = parser.parse(source, limits);
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
            return failed(source, Problem.Kind.INPUT, "skipped: nested too deeply to analyse");
        } catch (OutOfMemoryError e) {
            return failed(source, Problem.Kind.INPUT, "skipped: too large to analyse in the available memory");
        } catch (RuntimeException e) {
            return failed(source, Problem.Kind.INTERNAL, "internal error: " + e);
        }
    }

    private static long countLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long n = text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? n : n + 1;
    }

    private static ScheduledExecutorService watchdog(String name) {
        java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }
}
