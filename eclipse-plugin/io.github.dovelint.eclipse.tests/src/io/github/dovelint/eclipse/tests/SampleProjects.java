package io.github.dovelint.eclipse.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/** Workspace projects made from a copy of the repository's samples/, and their expect: marks. */
public final class SampleProjects {

    private static final Pattern MARK = Pattern.compile("expect:\\s*(DL\\d{3}(?:\\s*,\\s*DL\\d{3})*)");

    private SampleProjects() {
    }

    /** The repository's samples/ directory (system property {@code dovelint.samples}). */
    public static Path samples() {
        String p = System.getProperty("dovelint.samples");
        if (p == null) {
            throw new IllegalStateException("-Ddovelint.samples is not set");
        }
        return Path.of(p);
    }

    public static void autoBuild(boolean on) throws CoreException {
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        IWorkspaceDescription d = ws.getDescription();
        d.setAutoBuilding(on);
        ws.setDescription(d);
    }

    /** Creates (anew) a project holding a copy of samples/: its C sources and .dovelint.yml files. */
    public static IProject create(String name) throws CoreException, IOException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        Path from = samples();
        Path to = project.getLocation().toFile().toPath();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = from.relativize(p);
                String first = rel.getName(0).toString();
                String n = p.getFileName().toString();
                if (first.equals("src") || first.equals("target") || !(n.endsWith(".c") || n.endsWith(".h")
                        || n.equals(".dovelint.yml"))) {
                    continue;
                }
                Files.createDirectories(to.resolve(rel).getParent());
                Files.copy(p, to.resolve(rel));
            }
        }
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return project;
    }

    /** "file:line rule" for every expect: mark under the project's location, sorted, with repeats. */
    public static List<String> expected(IProject project) throws IOException {
        Path root = project.getLocation().toFile().toPath();
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".c")
                    || p.toString().endsWith(".h")).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARK.matcher(lines.get(i));
                    while (m.find()) {
                        for (String id : m.group(1).split(",")) {
                            out.add(rel + ":" + (i + 1) + " " + id.strip());
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Counts per key, for readable diffs. */
    public static Map<String, Integer> histogram(List<String> keys) {
        Map<String, Integer> m = new TreeMap<>();
        keys.forEach(k -> m.merge(k, 1, Integer::sum));
        return m;
    }
}
