package io.github.dovelint.lsp;

import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.suppress.SuppressionSyntax;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * "Suppress DLnnn here": a {@code dovelint-ignore} comment on the line before the finding, with
 * the line's indentation and a reason for the user to write (a suppression without one
 * suppresses nothing, DL001). The syntax is {@link SuppressionSyntax}'s.
 */
final class SuppressActions {

    private SuppressActions() {
    }

    /** @param buffers the editor's unsaved buffers: the indentation is the buffer's line's */
    static List<Either<org.eclipse.lsp4j.Command, CodeAction>> of(CodeActionParams params, SourceOverlay buffers) {
        List<Either<org.eclipse.lsp4j.Command, CodeAction>> out = new ArrayList<>();
        String uri = params.getTextDocument().getUri();
        SourceLines lines = new SourceLines(buffers);
        for (Diagnostic d : params.getContext().getDiagnostics()) {
            if (!Diagnostics.SOURCE.equals(d.getSource()) || d.getCode() == null || !d.getCode().isLeft()) {
                continue;
            }
            String rule = d.getCode().getLeft();
            int line = d.getRange().getStart().getLine();
            String text = lines.line(Path.of(URI.create(uri)), line + 1);
            String indent = text.substring(0, text.length() - text.stripLeading().length());
            String comment = indent + SuppressionSyntax.blockComment(rule, SuppressionSyntax.EXAMPLE_REASON) + "\n";
            TextEdit edit = new TextEdit(new Range(new Position(line, 0), new Position(line, 0)), comment);
            CodeAction action = new CodeAction("Suppress " + rule + " here");
            action.setKind(CodeActionKind.QuickFix);
            action.setDiagnostics(List.of(d));
            action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
            out.add(Either.forRight(action));
        }
        return out;
    }
}
