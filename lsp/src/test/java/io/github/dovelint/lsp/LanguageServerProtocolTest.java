package io.github.dovelint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in-process, spoken to over pipes by an LSP4J client, as an editor would. */
class LanguageServerProtocolTest {

    @TempDir
    Path root;

    private DovelintLanguageServer server;
    private LanguageServer remote;
    private Launcher<LanguageServer> client;
    private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    private final List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> registrations = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final String HOOK = """
            #include <linux/fs.h>
            #include <linux/delay.h>
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	msleep(1);
            }
            """;

    private static final String DRIVER = """
            #include <linux/fs.h>
            int drv_release(struct inode *i, struct file *f);
            static int drv_open(struct inode *i, struct file *f)
            {
            	f->oob_data = f;
            	return 0;
            }
            static const struct file_operations drv_fops = {
            	.open = drv_open,
            	.release = drv_release,
            };
            """;

    private static final String RELEASE_GOOD = """
            #include <linux/fs.h>
            int drv_release(struct inode *i, struct file *f)
            {
            	f->oob_data = NULL;
            	return 0;
            }
            """;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(root.resolve("hook.c"), HOOK);
        Files.writeString(root.resolve("driver.c"), DRIVER);
        Files.writeString(root.resolve("release.c"), RELEASE_GOOD);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        server = LspMain.start(serverIn, serverOut);
        client = LSPLauncher.createClientLauncher(new RecordingClient(), clientIn, clientOut);
        client.startListening();
        remote = client.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setRootUri(root.toUri().toString());
        org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
        org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        org.eclipse.lsp4j.WorkspaceClientCapabilities ws = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(ws);
        init.setCapabilities(caps);
        remote.initialize(init).get(10, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        remote.shutdown().get(10, TimeUnit.SECONDS);
        remote.exit();
    }

    private String uri(String file) {
        return root.resolve(file).toUri().toString();
    }

    /** Waits until the server analysed what it was asked before, then reads the diagnostics of a file. */
    private List<Diagnostic> settledDiagnostics(String file) throws Exception {
        for (int i = 0; i < 600 && !server.ready(); i++) {
            Thread.sleep(50); // initialized is a notification: the server takes it in its own time
        }
        server.analyse().get(60, TimeUnit.SECONDS);
        Thread.sleep(200); // the notification travels through the pipe after the analysis
        return diagnostics.getOrDefault(uri(file), List.of());
    }

    @Test
    void aFindingIsADiagnosticWithItsRuleItsPageAndItsChain() throws Exception {
        List<Diagnostic> found = settledDiagnostics("hook.c");
        assertEquals(1, found.size(), found::toString);
        Diagnostic d = found.get(0);
        assertEquals("DL101", d.getCode().getLeft());
        assertEquals("dovelint", d.getSource());
        assertEquals(4, d.getRange().getStart().getLine());
        assertTrue(d.getMessage().contains("msleep() may sleep"), d.getMessage());
        assertTrue(d.getCodeDescription().getHref().endsWith("DL101.md"), d.getCodeDescription().getHref());
        assertFalse(d.getRelatedInformation().isEmpty());
        assertTrue(d.getRelatedInformation().get(0).getMessage().contains("install_inband_fd() is the entry point"));
        assertTrue(diagnostics.getOrDefault(uri("driver.c"), List.of()).isEmpty(), "the driver is clean");
        assertTrue(progress.containsAll(List.of("begin", "end")), progress::toString);
        assertTrue(registrations.contains("workspace/didChangeWatchedFiles"), registrations::toString);

        Hover hover = remote.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(uri("hook.c")), new Position(4, 2))).get(10, TimeUnit.SECONDS);
        assertNotNull(hover);
        assertTrue(hover.getContents().getRight().getValue().contains("DL101"), hover.toString());
    }

    @Test
    void theSuppressActionInsertsAnIgnoreCommentAboveTheFinding() throws Exception {
        Diagnostic d = settledDiagnostics("hook.c").get(0);
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri("hook.c")), d.getRange(),
                new CodeActionContext(List.of(d)));
        List<CodeAction> actions = remote.getTextDocumentService().codeAction(params).get(10, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
        assertEquals(1, actions.size(), actions::toString);
        assertEquals("Suppress DL101 here", actions.get(0).getTitle());
        TextEdit edit = actions.get(0).getEdit().getChanges().get(uri("hook.c")).get(0);
        assertEquals(new Position(4, 0), edit.getRange().getStart());
        assertEquals("\t/* dovelint-ignore DL101: why this is safe */\n", edit.getNewText());
    }

    @Test
    void aFixThenSaveClearsTheDiagnostic() throws Exception {
        assertEquals(1, settledDiagnostics("hook.c").size());
        Files.writeString(root.resolve("hook.c"), HOOK.replace("msleep(1);", "udelay(1);"));
        remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(
                new TextDocumentIdentifier(uri("hook.c"))));
        assertEquals(List.of(), settledDiagnostics("hook.c"));
    }

    @Test
    void aChangeInOneFileUpdatesAnotherFilesDiagnostics() throws Exception {
        assertTrue(settledDiagnostics("driver.c").isEmpty());
        Files.writeString(root.resolve("release.c"), RELEASE_GOOD.replace("f->oob_data = NULL;", "(void)f;"));
        remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(
                new TextDocumentIdentifier(uri("release.c"))));
        List<Diagnostic> driver = settledDiagnostics("driver.c");
        assertEquals(1, driver.size(), driver::toString);
        assertEquals("DL205", driver.get(0).getCode().getLeft());
    }

    @Test
    void aMalformedRequestGetsAnErrorAndTheServerGoesOnServing() throws Exception {
        settledDiagnostics("hook.c");
        CompletableFuture<?> bad = client.getRemoteEndpoint().request("textDocument/hover", "not hover params");
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ResponseErrorException, e.toString());
        Hover hover = remote.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(uri("hook.c")), new Position(4, 2))).get(10, TimeUnit.SECONDS);
        assertNotNull(hover, "still serving");
    }

    private final class RecordingClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.put(params.getUri(), params.getDiagnostics());
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
            progress.add(params.getValue().getLeft().getKind().toString());
        }

        @Override
        public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
            params.getRegistrations().forEach(r -> registrations.add(r.getMethod()));
            return CompletableFuture.completedFuture(null);
        }
    }
}
