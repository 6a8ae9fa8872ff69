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
import java.util.concurrent.CancellationException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;

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
 * The analysis goes through the project's facts cache ({@link ProjectCache}),
 * so after a save only the saved files are parsed again, and the rules run
 * again only when their facts changed.
 *
 * <p>The build locks only its project ({@link #getRule}): other projects stay
 * usable while it runs. It reports a unit of work per file to its monitor and
 * stops within a file when the monitor is cancelled, throwing
 * {@link OperationCanceledException} with the markers as they were (they are
 * only touched once the analysis is complete); see docs/eclipse.md.
 *
 * <p>The findings pass the same {@link Gate} as on the command line and in
 * Maven: those accepted by the project's baseline get no markers.
 */
public final class DovelintBuilder extends IncrementalProjectBuilder {

    /** Of a build's work: the analysis, then the markers. */
    private static final int ANALYSIS_TICKS = 90;
    private static final int MARKER_TICKS = 10;

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IProject project = getProject();
        if (kind == FULL_BUILD || kind == CLEAN_BUILD) {
            analyse(project, monitor);
            return null;
        }
        IResourceDelta delta = getDelta(project);
        if (delta == null || touchesSources(delta)) {
            analyse(project, monitor);
        }
        return null;
    }

    /** The project, not the workspace root (the default): the analysis reads and marks only its project. */
    @Override
    public ISchedulingRule getRule(int kind, Map<String, String> args) {
        return getProject();
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        MarkerSync.deleteAll(getProject());
        getProject().setSessionProperty(Dovelint.LAST_RESULT, null);
        getProject().setSessionProperty(Dovelint.LAST_BUILD, null);
        ProjectCache.delete(getProject());
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

    /**
     * Analyses the whole project and brings its dovelint markers up to date.
     *
     * @throws OperationCanceledException when {@code monitor} is cancelled before the markers
     *                                    are touched (they are then left as they were)
     */
    static void analyse(IProject project, IProgressMonitor monitor) throws CoreException {
        IPath location = project.getLocation();
        if (location == null) {
            return;
        }
        SubMonitor progress = SubMonitor.convert(monitor, "dovelint: " + project.getName(),
                ANALYSIS_TICKS + MARKER_TICKS);
        progress.subTask("analysing " + project.getName());
        Path root = location.toFile().toPath();
        BuildProgress engineProgress = new BuildProgress(progress.newChild(ANALYSIS_TICKS));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DovelintBuilder.class.getClassLoader());
        long start = System.nanoTime();
        try {
            AnalysisResult analysed = Analyzer.builder()
                    .root(root)
                    .threads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                    .cacheDir(ProjectCache.of(project))
                    .progress(engineProgress)
                    .build()
                    .run();
            AnalysisResult result = Gate.evaluate(analysed, gateSettings(root)).result();
            progress.checkCanceled(); // the last moment to stop with the markers as they were
            progress.subTask("updating the markers");
            MarkerSync.Stats stats = MarkerSync.apply(project, result);
            progress.worked(MARKER_TICKS);
            BuildReport report = new BuildReport(result.files().size(), engineProgress.filesParsed(),
                    stats.filesUpdated(), (System.nanoTime() - start) / 1_000_000);
            project.setSessionProperty(Dovelint.LAST_RESULT, result);
            project.setSessionProperty(Dovelint.LAST_BUILD, report);
            DovelintPlugin.info(String.format("dovelint: %s: %d findings in %d files (%d parsed, the others from"
                    + " the cache), %d files' markers updated (%d ms)", project.getName(), result.findings().size(),
                    report.files(), report.filesParsed(), report.filesUpdated(), report.millis()));
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (AnalysisException e) {
            project.setSessionProperty(Dovelint.LAST_RESULT, null);
            MarkerSync.applyFailure(project, e.location(), e.getMessage());
        } catch (GateException e) {
            project.setSessionProperty(Dovelint.LAST_RESULT, null);
            MarkerSync.applyFailure(project, null, "dovelint: " + e.getMessage());
        } catch (OperationCanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            DovelintPlugin.log(IStatus.ERROR, "dovelint could not analyse " + project.getName(), e);
            MarkerSync.applyFailure(project, null, "dovelint failed: " + e);
        } finally {
            thread.setContextClassLoader(previous);
            progress.done();
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
