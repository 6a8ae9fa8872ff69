package io.github.dovelint.lsp;

import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.report.RuleLinks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * A finding as an editor shows it: a diagnostic at its line and column, the rule id as its code
 * with the rule page, {@code dovelint} as its source, and each step of its call chains as related
 * information, so that the editor can jump along the chain.
 */
final class Diagnostics {

    /** The diagnostic source every editor shows. */
    static final String SOURCE = "dovelint";

    private final Path root;
    private final SourceLines lines;

    Diagnostics(Path root, SourceLines lines) {
        this.root = root;
        this.lines = lines;
    }

    Diagnostic of(Finding f) {
        Diagnostic d = new Diagnostic(range(f.location()), f.message() + " [" + f.ruleId() + "]");
        d.setSeverity(switch (f.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        });
        d.setSource(SOURCE);
        d.setCode(Either.forLeft(f.ruleId()));
        d.setCodeDescription(new DiagnosticCodeDescription(RuleLinks.page(f.ruleId())));
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (CallChain chain : f.chains()) {
            for (ChainStep step : chain.steps()) {
                if (step.location().file() != null && !step.location().file().isEmpty()) {
                    related.add(new DiagnosticRelatedInformation(
                            new org.eclipse.lsp4j.Location(uri(step.location()), range(step.location())),
                            step.description()));
                }
            }
        }
        if (!related.isEmpty()) {
            d.setRelatedInformation(related);
        }
        return d;
    }

    /** The file URI of a report location (relative to the root). */
    String uri(Location at) {
        return root.resolve(at.file()).toUri().toString();
    }

    /** From the column to the end of the line (0-based for LSP); the whole line when the column is unknown. */
    Range range(Location at) {
        int line = Math.max(0, at.line() - 1);
        String text = lines.line(root.resolve(at.file()), at.line());
        int start = at.column() > 0 ? Math.min(at.column() - 1, text.length()) : 0;
        int end = Math.max(start, text.stripTrailing().length());
        return new Range(new Position(line, start), new Position(line, end));
    }
}
