package io.github.dovelint.eclipse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** The dovelint nature: installs the dovelint builder; removing it removes the builder and the markers. */
public final class DovelintNature implements IProjectNature {

    private IProject project;

    @Override
    public void configure() throws CoreException {
        IProjectDescription d = project.getDescription();
        if (Dovelint.hasBuilder(d.getBuildSpec())) {
            return;
        }
        List<ICommand> commands = new ArrayList<>(Arrays.asList(d.getBuildSpec()));
        ICommand c = d.newCommand();
        c.setBuilderName(Dovelint.BUILDER_ID);
        commands.add(c);
        d.setBuildSpec(commands.toArray(ICommand[]::new));
        project.setDescription(d, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription d = project.getDescription();
        List<ICommand> commands = new ArrayList<>(Arrays.asList(d.getBuildSpec()));
        commands.removeIf(c -> Dovelint.BUILDER_ID.equals(c.getBuilderName()));
        d.setBuildSpec(commands.toArray(ICommand[]::new));
        project.setDescription(d, null);
        MarkerSync.deleteAll(project);
        project.setSessionProperty(Dovelint.LAST_RESULT, null);
        project.setSessionProperty(Dovelint.LAST_BUILD, null);
        ProjectCache.delete(project);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject value) {
        project = value;
    }

    static boolean isRelevant(IResource r) {
        if (r.getType() != IResource.FILE) {
            return false;
        }
        String name = r.getName();
        return name.endsWith(".c") || name.endsWith(".h") || name.equals(io.github.dovelint.Analyzer.CONFIG_FILE)
                || name.equals(io.github.dovelint.baseline.Baseline.DEFAULT_FILE_NAME); // it changes the markers
    }
}
