package io.github.dovelint.lsp;

import java.util.UUID;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/** One analysis shown in the editor's progress area ({@code window/workDoneProgress}). */
final class Progress {

    private final LanguageClient client;
    private final Either<String, Integer> token;

    private Progress(LanguageClient client, Either<String, Integer> token) {
        this.client = client;
        this.token = token;
    }

    /** Creates the token and says the work began; a client that refuses the token sees nothing. */
    static Progress begin(LanguageClient client, String title) {
        Either<String, Integer> token = Either.forLeft("dovelint-" + UUID.randomUUID());
        try {
            client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle(title);
        client.notifyProgress(new ProgressParams(token, Either.<WorkDoneProgressNotification, Object>forLeft(begin)));
        return new Progress(client, token);
    }

    void end() {
        client.notifyProgress(new ProgressParams(token,
                Either.<WorkDoneProgressNotification, Object>forLeft(new WorkDoneProgressEnd())));
    }
}
