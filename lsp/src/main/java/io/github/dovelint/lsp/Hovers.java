package io.github.dovelint.lsp;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.RuleDescriptor;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/** What hovering a line with findings shows: each finding's rule, its summary, and its call chain. */
final class Hovers {

    private Hovers() {
    }

    /** The hover for line {@code line} (0-based) of a file's findings, or null when it has none. */
    static Hover of(List<Finding> findings, int line, AnalysisResult result) {
        StringBuilder md = new StringBuilder();
        for (Finding f : findings) {
            if (f.location().line() - 1 != line) {
                continue;
            }
            if (!md.isEmpty()) {
                md.append("\n\n---\n\n");
            }
            md.append("**").append(f.ruleId()).append(" ").append(f.ruleName()).append("**: ").append(f.message());
            if (result != null) {
                result.rules().stream().filter(r -> r.id().equals(f.ruleId())).map(RuleDescriptor::summary)
                        .findFirst().ifPresent(s -> md.append("\n\n").append(s));
            }
            for (CallChain chain : f.chains()) {
                md.append("\n");
                for (ChainStep step : chain.steps()) {
                    md.append("\n- `").append(step.location().file()).append(':').append(step.location().line())
                            .append("` ").append(step.description());
                }
            }
        }
        return md.isEmpty() ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()));
    }
}
