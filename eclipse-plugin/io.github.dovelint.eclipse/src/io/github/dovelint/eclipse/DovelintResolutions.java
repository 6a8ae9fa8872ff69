package io.github.dovelint.eclipse;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.ui.PlatformUI;

/** Quick fixes of a dovelint finding: suppress it here, open its rule's documentation (see {@link QuickFixes}). */
public final class DovelintResolutions implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return !marker.getAttribute(Dovelint.RULE_ID, "").isEmpty();
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        String rule = marker.getAttribute(Dovelint.RULE_ID, "");
        if (rule.isEmpty()) {
            return new IMarkerResolution[0];
        }
        return new IMarkerResolution[] {new Suppress(rule), new OpenRuleDocumentation(rule)};
    }

    /** "Suppress DL101 here": inserts a dovelint-ignore comment on the line before the finding. */
    static final class Suppress implements IMarkerResolution2 {
        private final String ruleId;

        Suppress(String ruleId) {
            this.ruleId = ruleId;
        }

        @Override
        public String getLabel() {
            return QuickFixes.suppressLabel(ruleId);
        }

        @Override
        public String getDescription() {
            return "Inserts <code>" + QuickFixes.suppressComment(ruleId) + "</code> on the line before the finding;"
                    + " replace the placeholder with the reason the code is safe.";
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public void run(IMarker marker) {
            try {
                QuickFixes.suppress(marker);
            } catch (CoreException | BadLocationException e) {
                DovelintPlugin.log(IStatus.ERROR, "could not insert the suppression comment", e);
            }
        }
    }

    /** "Open rule documentation": shows the rule's page. */
    static final class OpenRuleDocumentation implements IMarkerResolution2 {
        private final String ruleId;

        OpenRuleDocumentation(String ruleId) {
            this.ruleId = ruleId;
        }

        @Override
        public String getLabel() {
            return QuickFixes.documentationLabel(ruleId);
        }

        @Override
        public String getDescription() {
            return QuickFixes.rule(ruleId).map(r -> r.id() + " " + r.name() + ": " + r.summary()).orElse(ruleId);
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public void run(IMarker marker) {
            if (PlatformUI.isWorkbenchRunning()) {
                RuleDocDialog.open(ruleId, QuickFixes.page(ruleId));
            }
        }
    }
}
