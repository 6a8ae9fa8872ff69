package io.github.dovelint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that misbehave: garbage on the wire, a stream cut mid-message, a flood of saves. */
class LanguageServerRobustnessTest {

    @TempDir
    Path root;

    private static final String HOOK = """
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	msleep(1);
            }
            """;

    private DovelintLanguageServer server;
    private PipedOutputStream toServer;
    private LanguageServer remote;

    private void start() throws Exception {
        Files.writeString(root.resolve("hook.c"), HOOK);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        server = LspMain.start(serverIn, serverOut);
        Launcher<LanguageServer> client = LSPLauncher.createClientLauncher(new SilentClient(), clientIn, toServer);
        client.startListening();
        remote = client.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setRootUri(root.toUri().toString());
        remote.initialize(init).get(10, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        for (int i = 0; i < 600 && !server.ready(); i++) {
            Thread.sleep(50);
        }
    }

    /** No analysis may outlive the test: it would write the cache while the temporary directory is deleted. */
    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void raw(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        synchronized (toServer) {
            toServer.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            toServer.write(bytes);
            toServer.flush();
        }
    }

    private Hover hover() throws Exception {
        return remote.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(root.resolve("hook.c").toUri().toString()), new Position(2, 1)))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void garbageOnTheWireLeavesTheServerServing() throws Exception {
        start();
        server.analyse().get(60, TimeUnit.SECONDS);
        raw("this is not json");
        raw("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such/method\"}");
        raw("{\"jsonrpc\":\"2.0\",\"id\":8}");
        assertNotNull(hover(), "still serving after garbage");
    }

    @Test
    void aStreamCutMidMessageEndsTheSession() throws Exception {
        start();
        synchronized (toServer) {
            toServer.write("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.US_ASCII));
            toServer.close();
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> server.exited().get(30, TimeUnit.SECONDS),
                "the server notices the end of its input instead of waiting forever");
        assertTrue(e.getCause() instanceof java.io.EOFException, e.toString());
    }

    @Test
    void aFloodOfSavesIsCoalesced() throws Exception {
        start();
        server.analyse().get(60, TimeUnit.SECONDS);
        long before = server.runs();
        for (int i = 0; i < 200; i++) {
            remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(
                    new TextDocumentIdentifier(root.resolve("hook.c").toUri().toString())));
        }
        // a request's answer comes after every notification sent before it is handled, so each save's
        // analysis is queued on the one worker before the last one: when that ends, all have, and
        // none writes the cache while the temporary directory is deleted
        hover();
        server.analyse().get(120, TimeUnit.SECONDS);
        long ran = server.runs() - before;
        assertTrue(ran >= 1 && ran < 50, "200 saves ran " + ran + " analyses");
        assertNotNull(hover(), "the findings are there after the flood");
    }

    private static final class SilentClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
