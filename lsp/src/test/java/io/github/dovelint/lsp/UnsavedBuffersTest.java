package io.github.dovelint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.files.SourceOverlay;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsaved buffers (issue 17): an edit is analysed after the idle delay without a save, a newer
 * edit supersedes an older one (its analysis cancelled, its result never published after the
 * newer one's), a failing analysis leaves the server serving, and closing an edited buffer
 * brings back the diagnostics of the file on disk. In-process, over pipes, as an editor would.
 */
class UnsavedBuffersTest {

    @TempDir
    Path root;

    private static final String CLEAN = """
            #include <linux/fs.h>
            #include <linux/delay.h>
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	udelay(1);
            }
            """;

    /** CLEAN with a sleep on line 5 (line 4 as LSP counts). */
    private static final String SLEEPING = CLEAN.replace("udelay(1);", "msleep(1);");

    /** CLEAN with a sleep on line 7 (6 as LSP counts). */
    private static final String SLEEPING_LOWER = CLEAN.replace("udelay(1);", "udelay(1);\n\n\tmsleep(2);");

    private DovelintLanguageServer server;
    private LanguageServer remote;
    private InitializeResult initialized;
    /** Every publication, in the order the client received them. */
    private final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();

    private void start(Analysis analysis) throws Exception {
        start(CLEAN, analysis);
    }

    /** A server over a root whose hook.c holds {@code disk}, its first analysis done. */
    private void start(String disk, Analysis analysis) throws Exception {
        Files.writeString(root.resolve("hook.c"), disk);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        server = LspMain.start(serverIn, serverOut, new DovelintLanguageServer(analysis));
        var client = LSPLauncher.createClientLauncher(new RecordingClient(), clientIn, clientOut);
        client.startListening();
        remote = client.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setRootUri(root.toUri().toString());
        initialized = remote.initialize(init).get(10, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        analyzeCommand(); // the first analysis, over the disk, done
    }

    @AfterEach
    void stop() throws Exception {
        if (remote != null) {
            remote.shutdown().get(10, TimeUnit.SECONDS);
            remote.exit();
        }
    }

    private String uri() {
        return root.resolve("hook.c").toUri().toString();
    }

    private void open(String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(), "c", 1, text)));
    }

    private void change(int version, String text) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(), version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** {@code dovelint.analyze}: answered once the analysis it asked for ran, its diagnostics sent before. */
    private void analyzeCommand() throws Exception {
        remote.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                DovelintLanguageServer.ANALYZE_COMMAND, List.of())).get(60, TimeUnit.SECONDS);
    }

    /** Waits for the first publication for hook.c after {@code from} that {@code wanted} accepts. */
    private PublishDiagnosticsParams await(int from, Predicate<PublishDiagnosticsParams> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (PublishDiagnosticsParams p : published.subList(from, published.size())) {
                if (p.getUri().equals(uri()) && wanted.test(p)) {
                    return p;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such publication; all: " + published);
    }

    private static Predicate<PublishDiagnosticsParams> version(int v) {
        return p -> p.getVersion() != null && p.getVersion() == v;
    }

    /** The 0-based lines of a publication's diagnostics. */
    private static List<Integer> lines(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getRange().getStart().getLine()).toList();
    }

    private Hover hover() throws Exception {
        return remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri()),
                new Position(4, 1))).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anEditIsAnalysedAfterTheIdleDelayWithoutASave() throws Exception {
        start(Analysis.ENGINE);
        assertEquals(TextDocumentSyncKind.Full, initialized.getCapabilities().getTextDocumentSync().getRight().getChange());
        assertEquals(List.of(DovelintLanguageServer.ANALYZE_COMMAND),
                initialized.getCapabilities().getExecuteCommandProvider().getCommands());
        open(CLEAN);
        int from = published.size();
        long sent = System.nanoTime();
        change(2, SLEEPING);
        PublishDiagnosticsParams p = await(from, version(2));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertTrue(waited >= Workspace.IDLE_DELAY.toMillis(), "published " + waited + " ms after the edit");
        assertEquals(List.of(4), lines(p), p::toString);
        Diagnostic d = p.getDiagnostics().get(0);
        assertEquals("DL101", d.getCode().getLeft());
        assertEquals(new Position(4, 1), d.getRange().getStart());
        assertEquals(new Position(4, 11), d.getRange().getEnd(), "to the end of the buffer's line");
        assertEquals(CLEAN, Files.readString(root.resolve("hook.c")), "nothing was saved");
        assertNotNull(hover(), "the hover is the buffer's finding");
    }

    @Test
    void twoQuickEditsPublishOnlyTheLastOnesFindings() throws Exception {
        start(Analysis.ENGINE);
        open(CLEAN);
        int from = published.size();
        change(2, SLEEPING);
        change(3, SLEEPING_LOWER);
        PublishDiagnosticsParams p = await(from, version(3));
        assertEquals(List.of(6), lines(p), p::toString);
        analyzeCommand(); // whatever was still to come has come
        List<PublishDiagnosticsParams> mine = published.subList(from, published.size()).stream()
                .filter(q -> q.getUri().equals(uri())).toList();
        int newer = mine.indexOf(p);
        assertTrue(mine.subList(newer, mine.size()).stream().noneMatch(version(2)),
                "a stale result came after the newer one: " + mine);
        assertEquals(List.of(6), lines(mine.get(mine.size() - 1)));
    }

    @Test
    void aFloodOfEditsRunsAFewAnalysesAndEndsWithTheLastText() throws Exception {
        start(Analysis.ENGINE);
        open(CLEAN);
        long before = server.runs();
        int from = published.size();
        for (int v = 2; v <= 201; v++) {
            change(v, v % 2 == 0 ? SLEEPING : SLEEPING_LOWER);
        }
        assertEquals(List.of(6), lines(await(from, version(201))));
        long ran = server.runs() - before;
        assertTrue(ran >= 1 && ran < 20, "200 edits ran " + ran + " analyses");
    }

    @Test
    void anEditCancelsTheAnalysisOfTheBufferItMadeStale() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        start((dir, overlay, progress) -> {
            if (text(overlay).contains("msleep(1)")) {
                slowStarted.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!progress.cancelled() && System.nanoTime() < deadline) {
                    sleep(5); // as long as the engine would take, until it is told to stop
                }
                sawCancel.set(progress.cancelled());
                // finishes anyway, as an engine in the middle of a file would: its result is stale
                return Analysis.ENGINE.run(dir, overlay, io.github.dovelint.engine.ProgressListener.NONE);
            }
            return Analysis.ENGINE.run(dir, overlay, progress);
        });
        open(CLEAN);
        int from = published.size();
        change(2, SLEEPING);
        assertTrue(slowStarted.await(30, TimeUnit.SECONDS), "the analysis of version 2 started");
        change(3, SLEEPING_LOWER);
        PublishDiagnosticsParams p = await(from, version(3));
        assertTrue(sawCancel.get(), "version 3 cancelled the analysis of version 2");
        assertEquals(List.of(6), lines(p));
        analyzeCommand(); // whatever was still to come has come
        assertTrue(published.subList(from, published.size()).stream().noneMatch(version(2)),
                "the stale result of version 2 was published: " + published);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String text(SourceOverlay overlay) {
        return overlay.text(root.resolve("hook.c")).orElse("");
    }

    @Test
    void aFailingAnalysisIsLoggedAndTheServerGoesOnServing() throws Exception {
        start((dir, overlay, progress) -> {
            if (text(overlay).contains("CRASH")) {
                throw new IllegalStateException("a bug in a rule");
            }
            return Analysis.ENGINE.run(dir, overlay, progress);
        });
        open(CLEAN);
        change(2, SLEEPING + "/* CRASH */\n");
        analyzeCommand();
        assertTrue(logged.stream().anyMatch(m -> m.contains("analysis failed") && m.contains("a bug in a rule")),
                logged::toString);
        assertTrue(published.stream().noneMatch(version(2)), "nothing published for the failed analysis");
        int from = published.size();
        change(3, SLEEPING);
        assertEquals(List.of(4), lines(await(from, version(3))), "the next edit is analysed");
        assertNotNull(hover());
    }

    @Test
    void aBufferThatNoLongerParsesLeavesTheServerServing() throws Exception {
        start(Analysis.ENGINE);
        open(CLEAN);
        int from = published.size();
        change(2, SLEEPING);
        await(from, version(2));
        from = published.size();
        change(3, "void install_inband_fd(unsigned int fd, struct \0 {{{{ ((((\n#if\n\"" + "(".repeat(5000) + "\n");
        assertEquals(List.of(), await(from, version(3)).getDiagnostics(), "no finding in what does not parse");
        // answered (no finding there: null) rather than left waiting
        assertNull(remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri()),
                new Position(4, 1))).get(30, TimeUnit.SECONDS));
        from = published.size();
        change(4, SLEEPING_LOWER);
        assertEquals(List.of(6), lines(await(from, version(4))), "the next edit is analysed");
    }

    @Test
    void closingAnEditedBufferBringsBackTheDiagnosticsOfTheFileOnDisk() throws Exception {
        start(SLEEPING, Analysis.ENGINE);
        assertEquals(List.of(4), lines(published.get(published.size() - 1)));
        open(SLEEPING);
        int from = published.size();
        change(2, CLEAN);
        PublishDiagnosticsParams cleared = await(from, version(2));
        assertEquals(List.of(), cleared.getDiagnostics(), "the buffer has no finding");
        from = published.size();
        remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri())));
        PublishDiagnosticsParams disk = await(from, p -> !p.getDiagnostics().isEmpty());
        assertEquals(List.of(4), lines(disk), "the file on disk has its finding again");
        assertNull(disk.getVersion(), "not open: no version");
    }

    @Test
    void aSaveMakesTheFileWhatCountsAndAnUnknownCommandIsAnError() throws Exception {
        start(Analysis.ENGINE);
        open(CLEAN);
        int from = published.size();
        change(2, SLEEPING);
        await(from, version(2));
        Files.writeString(root.resolve("hook.c"), SLEEPING);
        remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri())));
        analyzeCommand();
        assertEquals(List.of(4), lines(published.get(published.size() - 1)));
        // the buffer is the file now: a checkout that changes the file changes the diagnostics
        Files.writeString(root.resolve("hook.c"), CLEAN);
        from = published.size();
        analyzeCommand();
        PublishDiagnosticsParams checkedOut = await(from, p -> true);
        assertEquals(List.of(), checkedOut.getDiagnostics(), "the saved buffer no longer stands for the file");
        CompletableFuture<Object> bad = remote.getWorkspaceService().executeCommand(
                new ExecuteCommandParams("dovelint.nothing", List.of()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ResponseErrorException, e.toString());
    }

    private final class RecordingClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            published.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {
            logged.add(params.getMessage());
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
            logged.add(params.getMessage());
        }
    }
}
