package io.github.dovelint.eclipse;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Shows a rule's documentation page (its markdown source, read-only). */
final class RuleDocDialog extends Dialog {

    private final String ruleId;
    private final String page;

    private RuleDocDialog(Shell parent, String ruleId, String page) {
        super(parent);
        this.ruleId = ruleId;
        this.page = page;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Opens the dialog without blocking the caller (it stays open until closed). */
    static void open(String ruleId, String page) {
        Display display = Display.getDefault();
        Runnable show = () -> {
            RuleDocDialog d = new RuleDocDialog(display.getActiveShell(), ruleId, page);
            d.setBlockOnOpen(false);
            d.open();
        };
        if (Display.getCurrent() == display) {
            show.run();
        } else {
            display.asyncExec(show);
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("dovelint rule " + ruleId);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setText(page);
        GridData gd = new GridData(GridData.FILL_BOTH);
        gd.widthHint = 640;
        gd.heightHint = 420;
        text.setLayoutData(gd);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
