package io.github.dovelint.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * dovelint as a language server: the workspace root from {@code initialize}, a whole analysis
 * once the client is ready, and again on every save of a file or change of a watched one
 * ({@code .dovelint.yml}); diagnostics, "suppress here" code actions and hovers from the last
 * analysis. Unsaved edits are analysed too: the open documents are kept as the editor sends
 * them (full sync), and {@link Workspace#IDLE_DELAY} after the last edit, or at once on the
 * {@value #ANALYZE_COMMAND} command, the workspace is analysed with the edited buffers read
 * instead of their files (README, "Use in your editor").
 */
public final class DovelintLanguageServer implements LanguageServer, LanguageClientAware {

    /** The command ({@code workspace/executeCommand}) that analyses the workspace and its unsaved buffers now. */
    public static final String ANALYZE_COMMAND = "dovelint.analyze";

    /** How long the end of a session waits for a running analysis to notice it is stale. */
    private static final java.time.Duration STOP_PATIENCE = java.time.Duration.ofSeconds(30);

    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private final OpenDocuments documents = new OpenDocuments();
    private final Analysis analysis;
    private LanguageClient client;
    private volatile Path root;
    private volatile Workspace workspace;
    private volatile boolean progress;
    private volatile boolean watchers;

    public DovelintLanguageServer() {
        this(Analysis.ENGINE);
    }

    /** A server whose analyses are {@code analysis}'s (tests: a slow or failing one). */
    DovelintLanguageServer(Analysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    /**
     * Completes when the client sent {@code exit}, exceptionally when its stream ended without
     * it; either way no analysis runs any more.
     */
    public CompletableFuture<Void> exited() {
        return exited;
    }

    @Override
    @SuppressWarnings("deprecation") // rootUri and rootPath: what clients without workspace folders send
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        String uri = params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()
                ? params.getWorkspaceFolders().get(0).getUri() : params.getRootUri();
        root = uri != null ? Path.of(URI.create(uri)) : params.getRootPath() != null ? Path.of(params.getRootPath())
                : Path.of("").toAbsolutePath();
        var clientCaps = params.getCapabilities();
        progress = clientCaps != null && clientCaps.getWindow() != null
                && Boolean.TRUE.equals(clientCaps.getWindow().getWorkDoneProgress());
        watchers = clientCaps != null && clientCaps.getWorkspace() != null
                && clientCaps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(clientCaps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setCodeActionProvider(true);
        caps.setHoverProvider(true);
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(ANALYZE_COMMAND)));
        return CompletableFuture.completedFuture(new InitializeResult(caps,
                new ServerInfo("dovelint", io.github.dovelint.model.Version.get())));
    }

    @Override
    public void initialized(InitializedParams params) {
        if (watchers) {
            // .dovelint.yml and sources changed outside the editor (git checkout) trigger a run too
            List<org.eclipse.lsp4j.FileSystemWatcher> globs = List.of(
                    new org.eclipse.lsp4j.FileSystemWatcher(Either.forLeft("**/.dovelint.yml")),
                    new org.eclipse.lsp4j.FileSystemWatcher(Either.forLeft("**/*.{c,h}")));
            client.registerCapability(new org.eclipse.lsp4j.RegistrationParams(List.of(new org.eclipse.lsp4j.Registration(
                    "dovelint-watch", "workspace/didChangeWatchedFiles",
                    new org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions(globs)))));
        }
        workspace = new Workspace(root.toAbsolutePath().normalize(), client, progress, documents, analysis);
        workspace.analyse();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        return CompletableFuture.supplyAsync(() -> {
            stop();
            return null;
        });
    }

    @Override
    public void exit() {
        stop();
        exited.complete(null);
    }

    /**
     * The session is over (shutdown, exit, or the client's stream ended): analyses stop, and this
     * returns when none runs any more.
     */
    void stop() {
        Workspace w = workspace;
        if (w != null) {
            w.close(STOP_PATIENCE);
        }
    }

    /** How many analyses ran so far. */
    long runs() {
        return workspace == null ? 0 : workspace.runs();
    }

    /** Whether {@code initialized} arrived and the workspace exists. */
    boolean ready() {
        return workspace != null;
    }

    /** Asks for an analysis; for tests, the future says when it ran. */
    CompletableFuture<Void> analyse() {
        return workspace == null ? CompletableFuture.completedFuture(null) : workspace.analyse();
    }

    /** A buffer changed: an analysis after the idle delay. */
    private void edited() {
        if (workspace != null) {
            workspace.edited();
        }
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return new TextDocumentService() {
            @Override
            public void didOpen(DidOpenTextDocumentParams params) {
                TextDocumentItem doc = params.getTextDocument();
                // the workspace is analysed as a whole: opening a file changes nothing, unless its
                // buffer is not what the file holds (a session restored with unsaved edits)
                if (documents.opened(doc.getUri(), doc.getVersion(), doc.getText())) {
                    edited();
                }
            }

            @Override
            public void didChange(DidChangeTextDocumentParams params) {
                List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
                if (changes.isEmpty()) {
                    return;
                }
                // full sync: the last change holds the whole text
                VersionedTextDocumentIdentifier doc = params.getTextDocument();
                if (documents.changed(doc.getUri(), doc.getVersion(), changes.get(changes.size() - 1).getText())) {
                    edited();
                }
            }

            @Override
            public void didClose(DidCloseTextDocumentParams params) {
                if (documents.closed(params.getTextDocument().getUri())) {
                    analyse(); // the file on disk counts again
                }
            }

            @Override
            public void didSave(DidSaveTextDocumentParams params) {
                documents.saved(params.getTextDocument().getUri(), params.getText());
                analyse();
            }

            @Override
            public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
                return CompletableFuture.completedFuture(SuppressActions.of(params, documents.snapshot().overlay()));
            }

            @Override
            public CompletableFuture<Hover> hover(HoverParams params) {
                Workspace w = workspace;
                if (w == null) {
                    return CompletableFuture.completedFuture(null);
                }
                return CompletableFuture.completedFuture(Hovers.of(w.findings(params.getTextDocument().getUri()),
                        params.getPosition().getLine(), w.last()));
            }
        };
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                analyse(); // .dovelint.yml, or a C file changed outside the editor
            }

            @Override
            public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
                if (!ANALYZE_COMMAND.equals(params.getCommand())) {
                    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                            ResponseErrorCode.InvalidParams, "no such command: " + params.getCommand(), null)));
                }
                return analyse().thenApply(v -> null); // answered once the analysis ran (or a newer one superseded it)
            }
        };
    }
}
