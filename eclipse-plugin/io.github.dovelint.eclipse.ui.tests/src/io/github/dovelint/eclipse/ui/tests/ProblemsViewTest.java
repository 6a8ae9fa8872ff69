package io.github.dovelint.eclipse.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.eclipse.Dovelint;
import io.github.dovelint.eclipse.QuickFixes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;

/**
 * The real workbench (on Xvfb): a sample with findings is opened, its
 * finding must show in the Problems view, a screenshot is saved; then the
 * workbench's own quick fix (from the marker help registry) suppresses it.
 */
class ProblemsViewTest {

    static final String FILE = "sleep-direct/hooks.c";
    static final int LINE = 44;

    @Test
    void findingIsShownInTheProblemsViewAndTheQuickFixSuppressesIt() throws Exception {
        IProject project = copySamples("ui-samples");
        Dovelint.setEnabled(project, true, null);
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        IFile file = project.getFile(FILE);
        IMarker marker = findingAt(file, LINE);
        assertTrue(marker != null, "no DL101 marker at " + FILE + ":" + LINE);
        String message = marker.getAttribute(IMarker.MESSAGE, "");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1280, 1024);
        IWorkbenchPage page = window.getActivePage();
        IEditorPart editor = IDE.openEditor(page, file, "org.eclipse.ui.DefaultTextEditor");
        IDE.gotoMarker(editor, marker);
        IViewPart problems = page.showView(IPageLayout.ID_PROBLEM_VIEW);

        List<String> shown = waitForRows(problems, rows -> rows.stream().anyMatch(r -> r.contains(message)));
        assertTrue(shown.stream().anyMatch(r -> r.contains(message)),
                "the Problems view does not show '" + message + "': " + shown);
        select(problems, r -> r.contains(message) && r.contains("line " + LINE) && r.contains("sleep-direct"));
        Path shot = screenshot(shell, "problems-view.png");
        assertTrue(Files.size(shot) > 10_000, "screenshot too small: " + shot);

        // The quick fixes the workbench offers for the marker (Ctrl+1 / Problems view > Quick Fix).
        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
        List<String> labels = Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList();
        assertEquals(List.of("Suppress DL101 here", "Open rule documentation (DL101)"), labels);

        // Open rule documentation: a dialog with the rule's page.
        fixes[1].run(marker);
        Shell docs = waitForShell(display(), "dovelint rule DL101");
        assertTrue(docs != null, "no rule documentation dialog");
        List<String> texts = texts(docs);
        assertTrue(texts.stream().anyMatch(t -> t.contains("DL101")), texts.toString());
        screenshot(docs, "rule-documentation.png");
        docs.close();

        fixes[0].run(marker);
        IDocument doc = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
        String inserted = doc.get(doc.getLineOffset(LINE - 1), doc.getLineLength(LINE - 1));
        assertTrue(inserted.contains(QuickFixes.suppressComment("DL101")), "the editor shows: " + inserted);
        assertFalse(editor.isDirty(), "the fix saves the file");

        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(null, findingAt(file, LINE + 1), "the suppressed finding's marker is gone");
        String lineAfter = "line " + (LINE + 1);
        List<String> after = waitForRows(problems, rows -> rows.stream().noneMatch(r -> r.contains(message)
                && r.contains(FILE.substring(FILE.indexOf('/') + 1)) && r.contains(lineAfter)));
        screenshot(shell, "after-quick-fix.png");
        assertTrue(after.stream().noneMatch(r -> r.contains(message) && r.contains(lineAfter)), after.toString());
    }

    @Test
    void propertyPageEnablesTheNatureAndListsTheEffectiveRules() throws Exception {
        IProject project = copySamples("ui-properties");
        Shell shell = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
        PreferenceDialog dialog = PreferencesUtil.createPropertyDialogOn(shell, project,
                "io.github.dovelint.eclipse.propertyPage", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        spin(display(), 300);
        Button check = null;
        for (Control c : all(dialog.getShell())) {
            if (c instanceof Button b && (b.getStyle() & SWT.CHECK) != 0 && b.getText().contains("dovelint")) {
                check = b;
            }
        }
        assertTrue(check != null && !check.getSelection(), "the enable box, unticked");
        check.setSelection(true);
        // OK: the page adds the nature.
        assertTrue(((IPreferencePage) dialog.getSelectedPage()).performOk());
        dialog.close();
        spin(display(), 300);
        assertTrue(project.hasNature(Dovelint.NATURE_ID));
        // With Build Automatically on (the workbench's default), adding the nature analyses the project.
        assertTrue(ResourcesPlugin.getWorkspace().isAutoBuilding());
        long deadline = System.currentTimeMillis() + 30_000;
        while (Dovelint.lastResult(project) == null && System.currentTimeMillis() < deadline) {
            spin(display(), 100);
        }
        assertTrue(Dovelint.lastResult(project) != null, "the project was not analysed after the nature was added");
        assertTrue(project.findMarkers(Dovelint.FINDING_MARKER, false, IResource.DEPTH_INFINITE).length > 0);

        // Reopened after the analysis: the rules with their severities after .dovelint.yml.
        dialog = PreferencesUtil.createPropertyDialogOn(shell, project, "io.github.dovelint.eclipse.propertyPage", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        spin(display(), 300);
        List<String> rows = new ArrayList<>();
        for (Control c : all(dialog.getShell())) {
            if (c instanceof Table t) {
                for (TableItem item : t.getItems()) {
                    rows.add(item.getText(0) + " " + item.getText(2));
                }
            }
        }
        assertTrue(rows.contains("DL101 error") && rows.contains("DL104 error") && rows.contains("DL002 warning"),
                rows.toString());
        screenshot(dialog.getShell(), "property-page.png");
        dialog.close();
        project.delete(true, true, null);
    }

    static IMarker findingAt(IFile file, int line) throws Exception {
        for (IMarker m : file.findMarkers(Dovelint.FINDING_MARKER, false, IResource.DEPTH_ZERO)) {
            if (m.getAttribute(IMarker.LINE_NUMBER, -1) == line && "DL101".equals(m.getAttribute(Dovelint.RULE_ID, ""))) {
                return m;
            }
        }
        return null;
    }

    static IProject copySamples(String name) throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        project.create(null);
        project.open(null);
        Path from = Path.of(System.getProperty("dovelint.samples"));
        Path to = project.getLocation().toFile().toPath();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = from.relativize(p);
                String first = rel.getName(0).toString();
                String n = p.getFileName().toString();
                if (first.equals("src") || first.equals("target")
                        || !(n.endsWith(".c") || n.endsWith(".h") || n.equals(".dovelint.yml"))) {
                    continue;
                }
                Files.createDirectories(to.resolve(rel).getParent());
                Files.copy(p, to.resolve(rel));
            }
        }
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return project;
    }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static Shell waitForShell(Display display, String title) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            spin(display, 100);
            for (Shell s : display.getShells()) {
                if (s.isVisible() && title.equals(s.getText())) {
                    return s;
                }
            }
        }
        return null;
    }

    static List<Control> all(Control c) {
        List<Control> out = new ArrayList<>();
        out.add(c);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                out.addAll(all(child));
            }
        }
        return out;
    }

    static List<String> texts(Control root) {
        List<String> out = new ArrayList<>();
        for (Control c : all(root)) {
            if (c instanceof Text t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    /** Selects and reveals the first row of the view's tree that matches. */
    static void select(IViewPart view, Predicate<String> row) {
        for (Tree tree : trees(view.getSite().getShell())) {
            for (TreeItem top : tree.getItems()) {
                for (TreeItem item : top.getItems()) {
                    StringBuilder b = new StringBuilder();
                    for (int c = 0; c < Math.max(1, tree.getColumnCount()); c++) {
                        b.append(" | ").append(item.getText(c));
                    }
                    if (row.test(b.toString())) {
                        tree.setSelection(item);
                        tree.showItem(item);
                        return;
                    }
                }
            }
        }
    }

    /** Runs the event loop until the view's rows satisfy the condition (or 30 s pass); returns the rows. */
    static List<String> waitForRows(IViewPart view, Predicate<List<String>> done) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> rows = List.of();
        while (System.currentTimeMillis() < deadline) {
            spin(display, 200);
            rows = rows(view);
            if (done.test(rows)) {
                break;
            }
        }
        return rows;
    }

    static void spin(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Every row of the view's tree (expanded), its cells joined by " | ". */
    static List<String> rows(IViewPart view) {
        ISelectionProvider sp = view.getSite().getSelectionProvider();
        if (sp instanceof TreeViewer tv) {
            tv.expandAll();
        }
        List<String> out = new ArrayList<>();
        Shell shell = view.getSite().getShell();
        for (Tree tree : trees(shell)) {
            for (TreeItem item : tree.getItems()) {
                collect(item, tree.getColumnCount(), out);
            }
        }
        return out;
    }

    static void collect(TreeItem item, int columns, List<String> out) {
        item.setExpanded(true);
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < Math.max(1, columns); c++) {
            b.append(c == 0 ? "" : " | ").append(item.getText(c));
        }
        out.add(b.toString());
        for (TreeItem child : item.getItems()) {
            collect(child, columns, out);
        }
    }

    static List<Tree> trees(Control c) {
        List<Tree> out = new ArrayList<>();
        if (c instanceof Tree t && t.isVisible()) {
            out.add(t);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                out.addAll(trees(child));
            }
        }
        return out;
    }

    /** Saves a PNG of the workbench window to eclipse-plugin/target/screenshots/. */
    static Path screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        shell.forceActive();
        spin(display, 500);
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("dovelint.screenshots"));
        Files.createDirectories(dir);
        Path out = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
        loader.save(out.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return out;
    }
}
