package io.github.dovelint.eclipse;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;

/** Turns an analysis result into markers, touching only the files whose markers change. */
final class MarkerSync {

    static final String[] TYPES = {Dovelint.FINDING_MARKER, Dovelint.CHAIN_STEP_MARKER, Dovelint.PROBLEM_MARKER};

    record Stats(int filesUpdated) {
    }

    /** A marker to be: its type and attributes. */
    record Spec(String type, Map<String, Object> attributes) {
        String canonical() {
            return type + new TreeMap<>(attributes);
        }
    }

    private MarkerSync() {
    }

    static void deleteAll(IProject project) throws CoreException {
        if (!project.isAccessible()) {
            return;
        }
        for (String type : TYPES) {
            project.deleteMarkers(type, false, IResource.DEPTH_INFINITE);
        }
    }

    static Stats apply(IProject project, AnalysisResult result) throws CoreException {
        Map<IResource, List<Spec>> wanted = new LinkedHashMap<>();
        Texts texts = new Texts();
        for (Finding f : result.findings()) {
            addFinding(project, f, wanted, texts);
        }
        for (Problem p : result.problems()) {
            IResource r = resource(project, p.location().file());
            Map<String, Object> a = new HashMap<>();
            a.put(IMarker.SEVERITY, p.kind() == Problem.Kind.CONFIG ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
            a.put(IMarker.MESSAGE, "dovelint " + p.kind().label() + " problem: " + p.message());
            putLine(a, r, p.location(), texts);
            wanted.computeIfAbsent(r, k -> new ArrayList<>()).add(new Spec(Dovelint.PROBLEM_MARKER, a));
        }
        return sync(project, wanted);
    }

    static void applyFailure(IProject project, Location location, String message) throws CoreException {
        Map<IResource, List<Spec>> wanted = new LinkedHashMap<>();
        IResource r = location == null ? project : resource(project, location.file());
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
        a.put(IMarker.MESSAGE, message);
        if (location != null) {
            putLine(a, r, location, new Texts());
        }
        wanted.computeIfAbsent(r, k -> new ArrayList<>()).add(new Spec(Dovelint.PROBLEM_MARKER, a));
        sync(project, wanted);
    }

    private static void addFinding(IProject project, Finding f, Map<IResource, List<Spec>> wanted, Texts texts) {
        IResource r = resource(project, f.location().file());
        String key = f.ruleId() + "@" + f.location().file() + ":" + f.location().line() + ":" + f.location().column()
                + "#" + Integer.toHexString(f.message().hashCode());
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.SEVERITY, severity(f.severity()));
        a.put(IMarker.MESSAGE, f.message() + " [" + f.ruleId() + "]");
        a.put(IMarker.SOURCE_ID, "dovelint");
        a.put(Dovelint.RULE_ID, f.ruleId());
        a.put(Dovelint.RULE_NAME, f.ruleName() == null ? "" : f.ruleName());
        a.put(Dovelint.FUNCTION, f.function());
        a.put(Dovelint.FINDING_KEY, key);
        a.put(Dovelint.CALL_CHAIN, chainText(f));
        putLine(a, r, f.location(), texts);
        wanted.computeIfAbsent(r, k -> new ArrayList<>()).add(new Spec(Dovelint.FINDING_MARKER, a));

        for (CallChain chain : f.chains()) {
            int n = chain.steps().size();
            for (int i = 0; i < n; i++) {
                ChainStep step = chain.steps().get(i);
                IResource sr = resource(project, step.location().file());
                Map<String, Object> s = new HashMap<>();
                s.put(IMarker.MESSAGE, f.ruleId() + " call chain from " + chain.entry() + "(), step " + (i + 1) + "/" + n
                        + ": " + step.description());
                s.put(Dovelint.RULE_ID, f.ruleId());
                s.put(Dovelint.FINDING_KEY, key);
                s.put(Dovelint.STEP, i + 1);
                putLine(s, sr, step.location(), texts);
                wanted.computeIfAbsent(sr, k -> new ArrayList<>()).add(new Spec(Dovelint.CHAIN_STEP_MARKER, s));
            }
        }
    }

    /** The call chains as text, one step a line ({@code file:line: description}), as the CLI prints them. */
    static String chainText(Finding f) {
        StringBuilder b = new StringBuilder();
        boolean several = f.chains().size() > 1;
        for (CallChain chain : f.chains()) {
            if (several) {
                b.append("via ").append(chain.entry()).append("():\n");
            }
            for (ChainStep step : chain.steps()) {
                b.append(several ? "  " : "").append(step.location().file());
                if (step.location().line() > 0) {
                    b.append(':').append(step.location().line());
                }
                b.append(": ").append(step.description().replace('\n', ' ')).append('\n');
            }
        }
        return b.toString().strip();
    }

    static int severity(Severity s) {
        return switch (s) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case NOTE -> IMarker.SEVERITY_INFO;
        };
    }

    /** The line, and the characters from the column to the end of the identifier there (or of the line). */
    private static void putLine(Map<String, Object> a, IResource r, Location l, Texts texts) {
        if (l != null && l.line() > 0 && r.getType() == IResource.FILE) {
            a.put(IMarker.LINE_NUMBER, l.line());
            a.put(IMarker.LOCATION, "line " + l.line());
            TextRanges text = texts.of((IFile) r);
            TextRanges.Range range = text == null ? null : text.range(l.line(), l.column());
            if (range != null) {
                a.put(IMarker.CHAR_START, range.start());
                a.put(IMarker.CHAR_END, range.end());
            }
        } else if (l != null && !l.file().isEmpty() && r.getType() != IResource.FILE) {
            a.put(IMarker.LOCATION, l.file() + (l.line() > 0 ? ":" + l.line() : ""));
        }
    }

    /** The texts of the files that get markers, each read once per update; null for one that cannot be read. */
    private static final class Texts {
        private final Map<IFile, TextRanges> read = new HashMap<>();

        TextRanges of(IFile file) {
            if (!read.containsKey(file)) {
                TextRanges t;
                try {
                    t = TextRanges.of(file);
                } catch (CoreException | java.io.IOException | RuntimeException e) {
                    t = null; // the markers keep their line only
                }
                read.put(file, t);
            }
            return read.get(file);
        }
    }

    private static IResource resource(IProject project, String file) {
        if (file == null || file.isEmpty()) {
            return project;
        }
        IFile f = project.getFile(Path.fromPortableString(file.replace('\\', '/')));
        return f.exists() ? f : project;
    }

    private static Stats sync(IProject project, Map<IResource, List<Spec>> wanted) throws CoreException {
        Set<IResource> resources = new LinkedHashSet<>(wanted.keySet());
        for (String type : TYPES) {
            for (IMarker m : project.findMarkers(type, false, IResource.DEPTH_INFINITE)) {
                resources.add(m.getResource());
            }
        }
        int updated = 0;
        for (IResource r : resources) {
            if (!r.exists()) {
                continue;
            }
            List<Spec> want = wanted.getOrDefault(r, List.of());
            if (same(existing(r), want)) {
                continue;
            }
            for (String type : TYPES) {
                r.deleteMarkers(type, false, IResource.DEPTH_ZERO);
            }
            for (Spec s : want) {
                r.createMarker(s.type(), s.attributes());
            }
            updated++;
        }
        return new Stats(updated);
    }

    private static List<Spec> existing(IResource r) throws CoreException {
        List<Spec> out = new ArrayList<>();
        for (String type : TYPES) {
            for (IMarker m : r.findMarkers(type, false, IResource.DEPTH_ZERO)) {
                out.add(new Spec(type, m.getAttributes()));
            }
        }
        return out;
    }

    private static boolean same(List<Spec> a, List<Spec> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<String> x = new ArrayList<>(a.stream().map(Spec::canonical).toList());
        List<String> y = new ArrayList<>(b.stream().map(Spec::canonical).toList());
        x.sort(null);
        y.sort(null);
        return x.equals(y);
    }
}
