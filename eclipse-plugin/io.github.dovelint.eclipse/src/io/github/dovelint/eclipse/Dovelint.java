package io.github.dovelint.eclipse;

import io.github.dovelint.model.AnalysisResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.QualifiedName;

/** The plugin's public entry points: ids, enabling dovelint on a project, the last analysis. */
public final class Dovelint {

    public static final String NATURE_ID = DovelintPlugin.ID + ".nature";
    public static final String BUILDER_ID = DovelintPlugin.ID + ".builder";
    /** A finding (subtype of the problem marker). */
    public static final String FINDING_MARKER = DovelintPlugin.ID + ".finding";
    /** One step of a finding's call chain, linked to it by {@link #FINDING_KEY}. */
    public static final String CHAIN_STEP_MARKER = DovelintPlugin.ID + ".chainStep";
    /** An input problem (parse problem, unreadable file, invalid configuration). */
    public static final String PROBLEM_MARKER = DovelintPlugin.ID + ".problem";

    public static final String RULE_ID = "ruleId";
    public static final String RULE_NAME = "ruleName";
    public static final String FUNCTION = "function";
    /** The call chains as text, one step a line; also the marker's message detail. */
    public static final String CALL_CHAIN = "callChain";
    public static final String FINDING_KEY = "findingKey";
    public static final String STEP = "step";

    static final QualifiedName LAST_RESULT = new QualifiedName(DovelintPlugin.ID, "lastResult");
    static final QualifiedName LAST_BUILD = new QualifiedName(DovelintPlugin.ID, "lastBuild");

    private Dovelint() {
    }

    public static boolean isEnabled(IProject project) throws CoreException {
        return project.isOpen() && project.hasNature(NATURE_ID);
    }

    /** Adds or removes the dovelint nature (adding it triggers the first analysis on the next build). */
    public static void setEnabled(IProject project, boolean enabled, IProgressMonitor monitor) throws CoreException {
        IProjectDescription d = project.getDescription();
        List<String> natures = new ArrayList<>(Arrays.asList(d.getNatureIds()));
        if (enabled == natures.contains(NATURE_ID)) {
            return;
        }
        if (enabled) {
            natures.add(NATURE_ID);
        } else {
            natures.remove(NATURE_ID);
        }
        d.setNatureIds(natures.toArray(String[]::new));
        project.setDescription(d, monitor);
    }

    /** The result of the project's last analysis in this session, or null. */
    public static AnalysisResult lastResult(IProject project) {
        try {
            return project.isOpen() ? (AnalysisResult) project.getSessionProperty(LAST_RESULT) : null;
        } catch (CoreException e) {
            return null;
        }
    }

    /** What the project's last analysis in this session did (files parsed, time), or null. */
    public static BuildReport lastBuild(IProject project) {
        try {
            return project.isOpen() ? (BuildReport) project.getSessionProperty(LAST_BUILD) : null;
        } catch (CoreException e) {
            return null;
        }
    }

    /**
     * The folder of the project's facts cache (in the workspace metadata, not in the project;
     * see docs/eclipse.md), or null when the project has no local folder.
     */
    public static java.nio.file.Path cacheDirectory(IProject project) {
        return ProjectCache.of(project);
    }

    static boolean hasBuilder(ICommand[] commands) {
        for (ICommand c : commands) {
            if (BUILDER_ID.equals(c.getBuilderName())) {
                return true;
            }
        }
        return false;
    }
}
