package io.github.dovelint.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the language server on a pair of streams: stdio for an editor, pipes for tests. */
public final class LspMain {

    private static final java.util.concurrent.atomic.AtomicBoolean QUIET = new java.util.concurrent.atomic.AtomicBoolean();

    private LspMain() {
    }

    /** Serves on stdio: what {@code dovelint lsp} runs, without the command line around it. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(serve(System.in, System.out));
    }

    /** Connects a new server to a client over {@code in}/{@code out}; returns it, listening. */
    public static DovelintLanguageServer start(InputStream in, OutputStream out) {
        return start(in, out, new DovelintLanguageServer());
    }

    /** Connects {@code server} to a client over {@code in}/{@code out}; returns it, listening. */
    static DovelintLanguageServer start(InputStream in, OutputStream out, DovelintLanguageServer server) {
        if (QUIET.compareAndSet(false, true)) {
            quietProtocolLog();
        }
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.exited().whenComplete((v, e) -> listening.cancel(true));
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (Exception e) {
                // cancelled after exit, or the stream failed: either way the session is over
            }
            if (!server.exited().isDone()) {
                server.stop();
            }
            server.exited().completeExceptionally(new java.io.EOFException("the client closed the stream"));
        }, "dovelint-lsp-stream");
        watcher.setDaemon(true);
        watcher.start();
        return server;
    }

    /**
     * Serves on standard input and output until the client exits or closes the stream: 0 when
     * the client sent {@code exit}, 1 when the stream ended without it.
     */
    public static int serve(InputStream in, OutputStream out) throws InterruptedException {
        DovelintLanguageServer server = start(in, out);
        try {
            server.exited().get();
            return 0;
        } catch (ExecutionException e) {
            return 1;
        }
    }

    /**
     * LSP4J logs a malformed message with its stack trace through java.util.logging; an editor
     * shows stderr as the server's log, where one line says it: {@code dovelint lsp: Unable to
     * identify the input message.} The message itself is answered with an error, if it had an id.
     */
    private static void quietProtocolLog() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");
        log.setUseParentHandlers(false);
        java.util.logging.Handler handler = new java.util.logging.StreamHandler(System.err,
                new java.util.logging.Formatter() {
                    @Override
                    public String format(java.util.logging.LogRecord r) {
                        Throwable t = r.getThrown();
                        String why = t == null || t.getMessage() == null ? "" : ": " + t.getMessage();
                        String what = r.getMessage() == null ? "" : r.getMessage();
                        return "dovelint lsp: " + (what.equals(t == null ? null : t.getMessage()) ? what : what + why)
                                + System.lineSeparator();
                    }
                }) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        log.addHandler(handler);
    }
}
