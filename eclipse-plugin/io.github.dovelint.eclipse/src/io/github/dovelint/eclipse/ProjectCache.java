package io.github.dovelint.eclipse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IPath;

/**
 * Where the builder keeps a project's facts cache: in the project's working location in the
 * workspace metadata ({@code .metadata/.plugins/org.eclipse.core.resources/.projects/NAME/
 * io.github.dovelint.eclipse/facts-cache}), not in the project's folder as the command line's
 * {@code .dovelint-cache}: so the cache is no resource of the project (nothing to refresh,
 * hide or keep out of version control, no resource change event when it is written) and goes
 * with the project when the project is deleted. See docs/eclipse.md.
 */
final class ProjectCache {

    static final String FOLDER = "facts-cache";

    private ProjectCache() {
    }

    /** The project's cache folder (the engine creates it on its first write). */
    static Path of(IProject project) {
        IPath working = project.getWorkingLocation(DovelintPlugin.ID);
        return working == null ? null : working.toFile().toPath().resolve(FOLDER);
    }

    /** Deletes the project's cache (a clean build, dovelint disabled): the next analysis is cold. */
    static void delete(IProject project) {
        Path dir = project.exists() ? of(project) : null;
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a cache left behind only takes room: its entries are checked before each use
            DovelintPlugin.log(org.eclipse.core.runtime.IStatus.WARNING,
                    "dovelint could not delete its cache " + dir, e);
        }
    }
}
