package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.facts.FactExtractor;
import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.facts.SharedDefinitions;
import io.github.dovelint.facts.SourcePositions;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.model.Limits;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.parse.Daemons;
import io.github.dovelint.parse.ParsedUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses files and extracts their facts on {@code threads} worker threads with
 * deep stacks, which take the files in input order from a shared counter.
 * Results come back in input order whatever the thread count, so output is
 * deterministic. The AST of a file is dropped as soon as its facts are
 * extracted.
 *
 * <p>Every file runs under its time budget: the parser is cancelled when the
 * budget is spent (see {@link CParser#parse(Path, Limits)}), and a file whose
 * work still has not finished after a grace period is given up ("skipped: too
 * slow"): its worker is abandoned (a daemon thread; it cannot be stopped
 * safely, and it takes no further file), a new worker takes its place, and
 * the run goes on.
 */
final class Parsing {

    /** The stack of a parse thread: deep enough for any AST within {@link Limits#maxAstDepth()}. */
    static final long STACK_BYTES = 256L << 20;

    private static final ScheduledExecutorService WATCHDOG = Daemons.scheduler("dovelint-file-watchdog");

    private final Relativizer relativizer;
    private final int threads;
    private final Limits limits;
    private final ProgressListener progress;
    /** Where headers' line tables are read from (the parser reads sources through the same overlay). */
    private final SourceOverlay overlay;
    private final SharedDefinitions shared = new SharedDefinitions();
    /** Line tables of included files, shared by every unit (see {@link SourcePositions}). */
    private final java.util.Map<String, int[]> headerLines = new java.util.concurrent.ConcurrentHashMap<>();

    Parsing(Relativizer relativizer, int threads, Limits limits, ProgressListener progress) {
        this(relativizer, threads, limits, progress, SourceOverlay.NONE);
    }

    Parsing(Relativizer relativizer, int threads, Limits limits, ProgressListener progress, SourceOverlay overlay) {
        this.overlay = overlay;
        this.relativizer = relativizer;
        this.threads = threads;
        this.limits = limits;
        this.progress = progress;
    }

    /** Parses without a cache of facts or a guard class. */
    List<ParsedFile> parseAll(List<Path> sources, CParser parser, Set<String> oobFields) {
        return parseAll(sources, parser, oobFields, GuardClasses.none(), null);
    }

    /**
     * Parses through {@code cache} (null: none): a file whose facts it holds is not parsed again.
     * {@code guards} says what scope-based cleanups stand for (the cache's key covers it).
     */
    List<ParsedFile> parseAll(List<Path> sources, CParser parser, Set<String> oobFields, GuardClasses guards,
                              FactCache cache) {
        return parseAll(sources, parser, oobFields, guards, cache, true);
    }

    /**
     * As {@link #parseAll(List, CParser, Set, GuardClasses, FactCache)}; {@code tell}: whether the
     * progress listener hears of each file (not for files parsed again in another configuration).
     */
    List<ParsedFile> parseAll(List<Path> sources, CParser parser, Set<String> oobFields, GuardClasses guards,
                              FactCache cache, boolean tell) {
        Run run = new Run(sources, parser, oobFields, guards, cache, tell);
        for (int i = 0; i < Math.min(Math.max(1, threads), sources.size()); i++) {
            run.startWorker();
        }
        List<ParsedFile> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(await(run.results.get(i), sources.get(i)));
        }
        Cancellation.check(progress); // the files skipped by a cancel must not reach a record
        return out;
    }

    /** One {@link #parseAll} call: the files, their results and the counter the workers take files from. */
    private final class Run {
        final List<Path> sources;
        final CParser parser;
        final Set<String> oobFields;
        final GuardClasses guards;
        final FactCache cache;
        final boolean tell;
        final List<CompletableFuture<ParsedFile>> results = new ArrayList<>();
        final AtomicInteger next = new AtomicInteger();

        Run(List<Path> sources, CParser parser, Set<String> oobFields, GuardClasses guards, FactCache cache,
            boolean tell) {
            this.tell = tell;
            this.sources = sources;
            this.parser = parser;
            this.oobFields = oobFields;
            this.guards = guards;
            this.cache = cache;
            sources.forEach(s -> results.add(new CompletableFuture<>()));
        }

        void startWorker() {
            Worker worker = new Worker(this);
            Thread thread = Daemons.thread("dovelint-parse", STACK_BYTES, worker);
            worker.thread = thread;
            thread.start();
        }
    }

    /**
     * Parses files of a {@link Run} one after the other until there are none
     * left or the watchdog gives up on its current file. The worker's lock
     * makes "completed in time" and "abandoned" exclusive.
     */
    private final class Worker implements Runnable {
        private final Run run;
        private volatile Thread thread;
        private boolean abandoned;

        Worker(Run run) {
            this.run = run;
        }

        @Override
        public void run() {
            long grace = limits.fileTimeout().toMillis() + Math.max(1000, limits.fileTimeout().toMillis() / 2);
            for (int i = run.next.getAndIncrement(); i < run.sources.size(); i = run.next.getAndIncrement()) {
                Path source = run.sources.get(i);
                CompletableFuture<ParsedFile> result = run.results.get(i);
                ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> giveUp(source, result), grace,
                        TimeUnit.MILLISECONDS);
                ParsedFile parsed;
                try {
                    // once cancelled, the files left are only drained so that parseAll returns
                    parsed = progress.cancelled() ? failed(source, Problem.Kind.INTERNAL, "cancelled")
                            : parseOne(run, source);
                } catch (Throwable t) {
                    parsed = failed(source, Problem.Kind.INTERNAL, "internal error: " + t);
                } finally {
                    alarm.cancel(false);
                }
                synchronized (this) {
                    result.complete(parsed);
                    if (abandoned) {
                        return;
                    }
                }
            }
        }

        /** The watchdog's action: the file is skipped, this worker retired and replaced. */
        private void giveUp(Path source, CompletableFuture<ParsedFile> result) {
            synchronized (this) {
                if (!result.complete(failed(source, Problem.Kind.INPUT, "skipped: too slow (over "
                        + Limits.describe(limits.fileTimeout()) + "; raise the limit with --file-timeout or"
                        + " limits: file-timeout)"))) {
                    return;
                }
                abandoned = true;
            }
            thread.interrupt();
            run.startWorker();
        }
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

    private ParsedFile parseOne(Run run, Path source) {
        ParsedFile out = run.cache == null ? parseFresh(run, source, null)
                : CachedParse.parse(run.cache, relativizer.apply(source), source,
                        src -> parseFresh(run, source, src));
        if (run.tell) {
            progress.fileDone(out.file(), out.lines());
        }
        return out.scanned().withFacts(shared.share(out.facts()));
    }

    private ParsedFile parseFresh(Run run, Path source, CachedParse.Headers headers) {
        String file = relativizer.apply(source);
        progress.fileParsed(file);
        try {
            ParsedUnit unit = run.parser.parse(source, limits);
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
                SourcePositions positions = new SourcePositions(relativizer::apply, source.toString(), unit.text(),
                        headerLines, overlay);
                facts = new FactExtractor(positions, run.oobFields, run.guards).extract(file, unit.ast());
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
}
