package io.github.dovelint.eclipse;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.RuleDescriptor;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.dialogs.PropertyPage;

/**
 * Project > Properties > dovelint: enables the nature and shows the effective
 * rules (severities after the project's {@code .dovelint.yml}, from the last
 * analysis; the defaults before the first one).
 */
public final class DovelintPropertyPage extends PropertyPage {

    private Button enabled;

    private IProject project() {
        return getElement().getAdapter(IProject.class);
    }

    @Override
    protected Control createContents(Composite parent) {
        IProject project = project();
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));

        enabled = new Button(c, SWT.CHECK);
        enabled.setText("Check this project with dovelint (adds the dovelint nature and builder)");
        try {
            enabled.setSelection(Dovelint.isEnabled(project));
        } catch (CoreException e) {
            enabled.setSelection(false);
        }

        boolean hasConfig = project.getFile(Analyzer.CONFIG_FILE).exists();
        new Label(c, SWT.WRAP).setText("Configuration: " + (hasConfig
                ? Analyzer.CONFIG_FILE + " at the project root (the file the CLI and the Maven plugin read)"
                : "no " + Analyzer.CONFIG_FILE + " at the project root: dovelint's defaults"));

        AnalysisResult last = Dovelint.lastResult(project);
        List<RuleDescriptor> rules = last != null ? last.rules() : Analyzer.catalog();
        new Label(c, SWT.WRAP).setText(last != null
                ? "Effective rules of the last analysis (" + last.findings().size() + " findings in "
                        + last.files().size() + " files):"
                : "Rules (default severities; build the project to see the configuration applied):");

        Table table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData gd = new GridData(GridData.FILL_BOTH);
        gd.heightHint = 220;
        table.setLayoutData(gd);
        for (String h : new String[] {"Rule", "Name", "Severity", "Summary"}) {
            new TableColumn(table, SWT.LEFT).setText(h);
        }
        for (RuleDescriptor r : rules) {
            new TableItem(table, SWT.NONE).setText(
                    new String[] {r.id(), r.name(), r.defaultSeverity().label(), r.summary()});
        }
        for (TableColumn col : table.getColumns()) {
            col.pack();
        }
        return c;
    }

    @Override
    protected void performDefaults() {
        enabled.setSelection(false);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        try {
            Dovelint.setEnabled(project(), enabled.getSelection(), null);
        } catch (CoreException e) {
            DovelintPlugin.log(IStatus.ERROR, "could not change the dovelint nature", e);
            return false;
        }
        return true;
    }
}
