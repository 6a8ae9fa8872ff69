package io.github.dovelint.lsp;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * One workspace root and its latest findings. Analyses run one at a time on a worker thread,
 * over the whole root with the same facts cache as the CLI ({@code .dovelint-cache} under the
 * root), so that a run after a save re-parses only what changed. A request made while others
 * wait supersedes them: only the newest runs, and a result that a newer request made stale is
 * not published. Diagnostics go to every file with findings, open in the editor or not, and are
 * cleared where findings disappeared. A failed run is reported to the user and leaves the last
 * diagnostics in place; it never stops the server.
 */
final class Workspace {

    private final Path root;
    private final LanguageClient client;
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
    private Set<String> published = new HashSet<>();

    private final boolean progress;

    /**
     * @param progress whether the client shows work-done progress ({@code window/workDoneProgress})
     */
    Workspace(Path root, LanguageClient client, boolean progress) {
        this.root = root;
        this.client = client;
        this.progress = progress;
    }

    Path root() {
        return root;
    }

    /** Asks for an analysis; the future completes when this request ran or was superseded. */
    CompletableFuture<Void> analyse() {
        long ticket = requested.incrementAndGet();
        return CompletableFuture.runAsync(() -> run(ticket), worker);
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

    void shutdown() {
        worker.shutdownNow();
    }

    private void run(long ticket) {
        if (ticket != requested.get()) {
            return; // a newer request is queued behind this one
        }
        runs.incrementAndGet();
        AnalysisResult result;
        Progress bar = progress ? Progress.begin(client, "dovelint: analysing " + root.getFileName()) : null;
        try {
            result = Analyzer.builder().root(root).path(root)
                    .cacheDir(root.resolve(Analyzer.DEFAULT_CACHE_DIR)).build().run();
        } catch (AnalysisException e) {
            client.showMessage(new MessageParams(MessageType.Error, "dovelint: " + e.getMessage()));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            client.logMessage(new MessageParams(MessageType.Error, "dovelint: analysis failed: " + e));
            return;
        } finally {
            if (bar != null) {
                bar.end();
            }
        }
        if (ticket != requested.get()) {
            return; // a file changed again while this ran: the newer run publishes
        }
        publish(result);
    }

    private void publish(AnalysisResult result) {
        Diagnostics diagnostics = new Diagnostics(root, new SourceLines());
        Map<String, List<Finding>> byUri = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            byUri.computeIfAbsent(diagnostics.uri(f.location()), k -> new ArrayList<>()).add(f);
        }
        Set<String> now = new HashSet<>(byUri.keySet());
        for (Map.Entry<String, List<Finding>> e : byUri.entrySet()) {
            List<Diagnostic> list = e.getValue().stream().map(diagnostics::of).toList();
            client.publishDiagnostics(new PublishDiagnosticsParams(e.getKey(), list));
        }
        for (String gone : published) {
            if (!now.contains(gone)) {
                client.publishDiagnostics(new PublishDiagnosticsParams(gone, List.of()));
            }
        }
        published = now;
        findings = byUri;
        last = result;
    }
}
