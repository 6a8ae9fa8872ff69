package io.github.dovelint.eclipse;

import io.github.dovelint.Analyzer;
import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.gate.Gate;
import io.github.dovelint.gate.GateException;
import io.github.dovelint.gate.GateSettings;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.AnalysisResult;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;

/**
 * The dovelint builder.
 *
 * <p>dovelint's findings are interprocedural: a helper in {@code pool.c} can
 * change a finding in {@code core.c}, and a macro in a header can change
 * findings in every file that uses it. The builder therefore does the simple
 * thing that is always correct: on a full build, and on an incremental build
 * whose delta touches a {@code .c} or {@code .h} file or {@code .dovelint.yml}
 * anywhere in the project, it re-runs the analysis of the whole project (the
 * project location is the analysis root, so {@code .dovelint.yml} there is
 * the configuration), then diffs the markers per file: the markers of a file
 * whose findings did not change are left alone, the others are replaced.
 * The parser runs at several hundred thousand lines a second, so a
 * whole-project run is well within an interactive save for a companion core.
 *
 * <p>The findings pass the same {@link Gate} as on the command line and in
 * Maven: those accepted by the project's baseline get no markers.
 */
public final class DovelintBuilder extends IncrementalProjectBuilder {

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IProject project = getProject();
        if (kind == FULL_BUILD || kind == CLEAN_BUILD) {
            analyse(project);
            return null;
        }
        IResourceDelta delta = getDelta(project);
        if (delta == null || touchesSources(delta)) {
            analyse(project);
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        MarkerSync.deleteAll(getProject());
        getProject().setSessionProperty(Dovelint.LAST_RESULT, null);
    }

    static boolean touchesSources(IResourceDelta delta) throws CoreException {
        boolean[] found = {false};
        delta.accept(d -> {
            if (found[0]) {
                return false;
            }
            if (DovelintNature.isRelevant(d.getResource())
                    && (d.getKind() != IResourceDelta.CHANGED || (d.getFlags() & IResourceDelta.CONTENT) != 0
                            || (d.getFlags() & IResourceDelta.REPLACED) != 0)) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }

    /** Analyses the whole project and brings its dovelint markers up to date. */
    static void analyse(IProject project) throws CoreException {
        IPath location = project.getLocation();
        if (location == null) {
            return;
        }
        Path root = location.toFile().toPath();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DovelintBuilder.class.getClassLoader());
        long start = System.nanoTime();
        try {
            AnalysisResult analysed = Analyzer.builder()
                    .root(root)
                    .threads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                    .build()
                    .run();
            AnalysisResult result = Gate.evaluate(analysed, gateSettings(root)).result();
            project.setSessionProperty(Dovelint.LAST_RESULT, result);
            MarkerSync.Stats stats = MarkerSync.apply(project, result);
            DovelintPlugin.info(String.format("dovelint: %s: %d findings in %d files, %d files' markers updated (%d ms)",
                    project.getName(), result.findings().size(), result.files().size(), stats.filesUpdated(),
                    (System.nanoTime() - start) / 1_000_000));
        } catch (AnalysisException e) {
            project.setSessionProperty(Dovelint.LAST_RESULT, null);
            MarkerSync.applyFailure(project, e.location(), e.getMessage());
        } catch (GateException e) {
            project.setSessionProperty(Dovelint.LAST_RESULT, null);
            MarkerSync.applyFailure(project, null, "dovelint: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            DovelintPlugin.log(IStatus.ERROR, "dovelint could not analyse " + project.getName(), e);
            MarkerSync.applyFailure(project, null, "dovelint failed: " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The IDE's gate: the findings in {@code dovelint-baseline.json} at the project root, when
     * there is one, get no markers, as in the Maven build; nothing here fails, so no threshold.
     */
    static GateSettings gateSettings(Path root) {
        return GateSettings.of(root).withFailOn(null).withKeepGoing(true)
                .withBaselineIfPresent(root.resolve(Baseline.DEFAULT_FILE_NAME));
    }
}
