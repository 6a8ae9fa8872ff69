package io.github.dovelint.lsp;

import io.github.dovelint.engine.ProgressListener;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * One workspace root and its latest findings. Analyses run one at a time on a worker thread,
 * over the whole root with the same facts cache as the CLI ({@code .dovelint-cache} under the
 * root), so that a run after a save re-parses only what changed, and with the editor's unsaved
 * buffers read instead of their files ({@link OpenDocuments}).
 *
 * <p>Each request has a generation, one more than the last. A request supersedes every older
 * one: those still waiting do not run, the one running is cancelled (its
 * {@link ProgressListener#cancelled()} answers true), and a result that a newer request made
 * stale is not published; results are published by the one worker in the order of their
 * generations, so a stale one never comes after a newer one. An edit asks for an analysis after
 * {@link #IDLE_DELAY} without another edit; a save, a watched file, closing an edited buffer and
 * the {@code dovelint.analyze} command ask at once (README, "Use in your editor").
 *
 * <p>Diagnostics go to every file with findings, open in the editor or not, with the version of
 * the buffer analysed when it is open, and are cleared where findings disappeared. A failed run
 * is reported to the user and leaves the last diagnostics in place; it never stops the server.
 */
final class Workspace {

    /** How long the editor must be left alone after an edit before its buffers are analysed. */
    static final Duration IDLE_DELAY = Duration.ofMillis(500);

    private final Path root;
    private final LanguageClient client;
    private final OpenDocuments documents;
    private final Analysis analysis;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dovelint-lsp-analysis");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    /** Findings by file URI, as last published; read by hover and code actions. */
    private volatile Map<String, List<Finding>> findings = Map.of();
    private volatile AnalysisResult last;
    /** Worker thread only: the URIs last published with diagnostics, and the generation published. */
    private Set<String> published = new HashSet<>();
    private long publishedGeneration;

    private final boolean progress;

    /**
     * @param progress whether the client shows work-done progress ({@code window/workDoneProgress})
     */
    Workspace(Path root, LanguageClient client, boolean progress, OpenDocuments documents, Analysis analysis) {
        this.root = root;
        this.client = client;
        this.progress = progress;
        this.documents = documents;
        this.analysis = analysis;
    }

    Path root() {
        return root;
    }

    /** Asks for an analysis now; the future completes when this request ran or was superseded. */
    CompletableFuture<Void> analyse() {
        long generation = requested.incrementAndGet();
        return CompletableFuture.runAsync(() -> run(generation), worker);
    }

    /**
     * A buffer changed: whatever runs now is stale and stops, and an analysis runs after
     * {@link #IDLE_DELAY} unless another request comes first.
     */
    CompletableFuture<Void> edited() {
        long generation = requested.incrementAndGet();
        return CompletableFuture.runAsync(() -> run(generation),
                CompletableFuture.delayedExecutor(IDLE_DELAY.toMillis(), TimeUnit.MILLISECONDS, worker));
    }

    /** The findings last published for a file, by its URI. */
    List<Finding> findings(String uri) {
        return findings.getOrDefault(uri, List.of());
    }

    /** The last result, or null before the first analysis finished. */
    AnalysisResult last() {
        return last;
    }

    /** How many analyses actually ran (requests that were superseded before they started do not count). */
    long runs() {
        return runs.get();
    }

    /**
     * Stops for good: a running analysis becomes stale and stops at its next check, queued ones
     * never start, and this returns once the worker is done (or after {@code patience}), so that
     * nothing writes the cache or publishes after the session ended.
     */
    void close(Duration patience) {
        requested.incrementAndGet();
        worker.shutdownNow();
        try {
            worker.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a newer request made {@code generation} stale. */
    private boolean superseded(long generation) {
        return generation != requested.get();
    }

    private void run(long generation) {
        if (superseded(generation)) {
            return; // a newer request is queued behind this one
        }
        runs.incrementAndGet();
        OpenDocuments.Snapshot buffers = documents.snapshot();
        AnalysisResult result;
        Progress bar = progress ? Progress.begin(client, "dovelint: analysing " + root.getFileName()) : null;
        try {
            result = analysis.run(root, buffers.overlay(), new ProgressListener() {
                @Override
                public boolean cancelled() {
                    return superseded(generation);
                }
            });
        } catch (CancellationException e) {
            return; // superseded while it ran: the newer request publishes
        } catch (AnalysisException e) {
            client.showMessage(new MessageParams(MessageType.Error, "dovelint: " + e.getMessage()));
            return;
        } catch (RuntimeException | Error e) {
            // a bug in the engine or a rule: said in the log, and the server goes on with the last diagnostics
            client.logMessage(new MessageParams(MessageType.Error, "dovelint: analysis failed: " + e));
            return;
        } finally {
            if (bar != null) {
                bar.end();
            }
        }
        if (superseded(generation) || generation <= publishedGeneration) {
            return; // a buffer or a file changed again while this ran: the newer run publishes
        }
        try {
            publish(result, buffers);
            publishedGeneration = generation;
        } catch (RuntimeException e) {
            client.logMessage(new MessageParams(MessageType.Error, "dovelint: publishing diagnostics failed: " + e));
        }
    }

    private void publish(AnalysisResult result, OpenDocuments.Snapshot buffers) {
        Diagnostics diagnostics = new Diagnostics(root, new SourceLines(buffers.overlay()));
        Map<String, List<Finding>> byUri = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            byUri.computeIfAbsent(diagnostics.uri(f.location()), k -> new ArrayList<>()).add(f);
        }
        Set<String> now = new HashSet<>(byUri.keySet());
        for (Map.Entry<String, List<Finding>> e : byUri.entrySet()) {
            List<Diagnostic> list = e.getValue().stream().map(diagnostics::of).toList();
            client.publishDiagnostics(new PublishDiagnosticsParams(e.getKey(), list,
                    buffers.version(e.getKey())));
        }
        for (String gone : published) {
            if (!now.contains(gone)) {
                client.publishDiagnostics(new PublishDiagnosticsParams(gone, List.of(), buffers.version(gone)));
            }
        }
        published = now;
        findings = byUri;
        last = result;
    }
}
