package io.github.dovelint.eclipse;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.suppress.SuppressionSyntax;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;

/**
 * What the quick fixes of a finding do, without the workbench (the
 * {@link DovelintResolutions} of the Problems view and the editor delegate
 * here, so headless code and tests can apply them too).
 */
public final class QuickFixes {

    /** The reason the inserted comment carries until the developer writes the real one. */
    public static final String REASON_PLACEHOLDER = "TODO say why this is safe";

    private QuickFixes() {
    }

    /** The labels of the quick fixes of a marker, in the order they are offered. */
    public static List<String> labels(IMarker marker) {
        String rule = marker.getAttribute(Dovelint.RULE_ID, "");
        return rule.isEmpty() ? List.of() : List.of(suppressLabel(rule), documentationLabel(rule));
    }

    public static String suppressLabel(String ruleId) {
        return "Suppress " + ruleId + " here";
    }

    public static String documentationLabel(String ruleId) {
        return "Open rule documentation (" + ruleId + ")";
    }

    /** The comment the suppress fix inserts on the line before the finding. */
    public static String suppressComment(String ruleId) {
        return SuppressionSyntax.blockComment(ruleId, REASON_PLACEHOLDER);
    }

    /**
     * Inserts {@link #suppressComment} on a new line before the marker's line,
     * with that line's indentation, through the file buffer (so an open editor
     * sees it); saves the file unless it had unsaved changes.
     */
    public static void suppress(IMarker marker) throws CoreException, BadLocationException {
        String ruleId = marker.getAttribute(Dovelint.RULE_ID, "");
        if (ruleId.isEmpty()) {
            return;
        }
        insert(marker, ruleId);
    }

    static Optional<RuleDescriptor> rule(String ruleId) {
        return Analyzer.catalog().stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** The rule's documentation page (markdown), or a line saying there is none. */
    public static String page(String ruleId) {
        return rule(ruleId).map(r -> r.page().isBlank() ? "# " + r.id() + " " + r.name() + "\n\n" + r.summary() : r.page())
                .orElse("No documentation for " + ruleId + ".");
    }

    private static void insert(IMarker marker, String ruleId) throws CoreException, BadLocationException {
        if (!(marker.getResource() instanceof IFile file)) {
            return;
        }
        int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
        if (line < 1) {
            return;
        }
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        IPath path = file.getFullPath();
        manager.connect(path, LocationKind.IFILE, null);
        try {
            ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
            boolean wasDirty = buffer.isDirty();
            IDocument doc = buffer.getDocument();
            IRegion region = doc.getLineInformation(line - 1);
            String text = doc.get(region.getOffset(), region.getLength());
            int indent = 0;
            while (indent < text.length() && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
                indent++;
            }
            String delimiter = doc.getLineDelimiter(line - 1);
            if (delimiter == null) {
                delimiter = System.lineSeparator();
            }
            doc.replace(region.getOffset(), 0, text.substring(0, indent) + suppressComment(ruleId) + delimiter);
            if (!wasDirty) {
                // Save, as a build then re-analyses; with unsaved edits the developer saves.
                buffer.commit(null, false);
            }
        } finally {
            manager.disconnect(path, LocationKind.IFILE, null);
        }
    }
}
