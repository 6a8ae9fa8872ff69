package io.github.dovelint.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.eclipse.Dovelint;
import io.github.dovelint.eclipse.QuickFixes;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The plugin in a real (headless) workspace: a project copied from the
 * repository's samples/, the dovelint nature added, built; its markers must
 * be exactly the samples' expect: marks. Then an incremental build after a
 * helper changes, the suppress quick fix, and the project's baseline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DovelintBuilderTest {

    static IProject project;

    @BeforeAll
    static void createProject() throws Exception {
        SampleProjects.autoBuild(false);
        project = SampleProjects.create("samples");
        assertFalse(project.hasNature(Dovelint.NATURE_ID));
        Dovelint.setEnabled(project, true, null);
        assertTrue(project.hasNature(Dovelint.NATURE_ID));
        assertTrue(Arrays.stream(project.getDescription().getBuildSpec())
                .anyMatch(c -> c.getBuilderName().equals(Dovelint.BUILDER_ID)), "the nature installs the builder");
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
    }

    @AfterAll
    static void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    static IMarker[] findings() throws Exception {
        return project.findMarkers(Dovelint.FINDING_MARKER, false, IResource.DEPTH_INFINITE);
    }

    static String key(IMarker m) {
        return m.getResource().getProjectRelativePath().toString() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1)
                + " " + m.getAttribute(Dovelint.RULE_ID, "?");
    }

    static List<String> keys(IMarker[] markers) {
        return Arrays.stream(markers).map(DovelintBuilderTest::key).sorted().collect(Collectors.toList());
    }

    static String severityLabel(int severity) {
        return switch (severity) {
            case IMarker.SEVERITY_ERROR -> "error";
            case IMarker.SEVERITY_WARNING -> "warning";
            default -> "note";
        };
    }

    static IMarker marker(String file, int line, String rule) throws Exception {
        for (IMarker m : project.getFile(file).findMarkers(Dovelint.FINDING_MARKER, false, IResource.DEPTH_ZERO)) {
            if (m.getAttribute(IMarker.LINE_NUMBER, -1) == line && rule.equals(m.getAttribute(Dovelint.RULE_ID, ""))) {
                return m;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void markersAreExactlyTheSamplesExpectMarks() throws Exception {
        List<String> expected = SampleProjects.expected(project);
        assertTrue(expected.size() > 40, "the samples' expect: marks were not found: " + expected.size());
        assertEquals(SampleProjects.histogram(expected), SampleProjects.histogram(keys(findings())));
    }

    @Test
    @Order(2)
    void markersCarrySeverityMessageAndChain() throws Exception {
        AnalysisResult result = Dovelint.lastResult(project);
        assertTrue(result != null && result.problems().isEmpty(), "problems: " + (result == null ? null : result.problems()));
        // Each marker has the severity of its finding (after .dovelint.yml), the rule id in the message.
        Set<String> fromEngine = new TreeSet<>();
        for (Finding f : result.findings()) {
            fromEngine.add(f.location().file() + ":" + f.location().line() + " " + f.ruleId() + " " + f.severity().label());
        }
        Set<String> fromMarkers = new TreeSet<>();
        for (IMarker m : findings()) {
            fromMarkers.add(key(m) + " " + severityLabel(m.getAttribute(IMarker.SEVERITY, -1)));
            String rule = m.getAttribute(Dovelint.RULE_ID, "");
            assertTrue(m.getAttribute(IMarker.MESSAGE, "").endsWith("[" + rule + "]"), m.getAttribute(IMarker.MESSAGE, ""));
            assertTrue(m.isSubtypeOf(IMarker.PROBLEM));
        }
        assertEquals(fromEngine, fromMarkers);
        // Spot checks: a default error, and the warning that config-overrides/.dovelint.yml asks for.
        assertEquals(IMarker.SEVERITY_ERROR, marker("sleep-direct/hooks.c", 44, "DL101").getAttribute(IMarker.SEVERITY, -1));
        assertEquals(IMarker.SEVERITY_WARNING,
                marker("config-overrides/hooks.c", 45, "DL101").getAttribute(IMarker.SEVERITY, -1));
        // The characters an editor underlines: the name of the call the finding is about.
        IMarker direct = marker("sleep-direct/hooks.c", 44, "DL101");
        String text = new String(project.getFile("sleep-direct/hooks.c").getContents().readAllBytes(),
                StandardCharsets.UTF_8);
        int start = direct.getAttribute(IMarker.CHAR_START, -1);
        assertEquals("mutex_lock", text.substring(start, direct.getAttribute(IMarker.CHAR_END, -1)));
        assertEquals(43, text.substring(0, start).chars().filter(c -> c == '\n').count(), "on line 44");

        // The call chain: in the detail attribute and as related step markers in the files it crosses.
        IMarker viaPool = marker("sleep-helpers/pool.c", 49, "DL101");
        String chain = viaPool.getAttribute(Dovelint.CALL_CHAIN, "");
        assertTrue(chain.contains("sleep-helpers/hooks.c:") && chain.contains("sleep-helpers/pool.c:49"), chain);
        String findingKey = viaPool.getAttribute(Dovelint.FINDING_KEY, "");
        List<IMarker> steps = new ArrayList<>();
        for (IMarker s : project.findMarkers(Dovelint.CHAIN_STEP_MARKER, false, IResource.DEPTH_INFINITE)) {
            if (findingKey.equals(s.getAttribute(Dovelint.FINDING_KEY, ""))) {
                steps.add(s);
            }
        }
        assertEquals(chain.lines().count(), steps.size(), chain);
        assertTrue(steps.stream().anyMatch(s -> s.getResource().getName().equals("hooks.c")), "a step in hooks.c");
    }

    @Test
    @Order(3)
    void editingAHelperUpdatesTheDependentFilesMarkers() throws Exception {
        IFile header = project.getFile("sleep-helpers/evl.h");
        String original = new String(header.getContents().readAllBytes(), StandardCharsets.UTF_8);
        String lock = "#define evl_index_lock(idx)\tmutex_lock(&(idx)->lock)";
        String unlock = "#define evl_index_unlock(idx)\tmutex_unlock(&(idx)->lock)";
        assertTrue(original.contains(lock) && original.contains(unlock));
        assertTrue(marker("sleep-helpers/hooks.c", 142, "DL101") != null, "the macro's mutex_lock is flagged in hooks.c");
        IMarker untouched = marker("sleep-direct/hooks.c", 44, "DL101");

        // The helper macros take a spinlock instead: the sleep finding in the file that uses them goes
        // (and the lock stays balanced, so nothing else appears).
        header.setContents(original
                .replace(lock, "#define evl_index_lock(idx)\traw_spin_lock(&(idx)->rlock)")
                .replace(unlock, "#define evl_index_unlock(idx)\traw_spin_unlock(&(idx)->rlock)")
                .getBytes(StandardCharsets.UTF_8), IResource.FORCE, null);
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(null, marker("sleep-helpers/hooks.c", 142, "DL101"));
        List<String> expected = new ArrayList<>(SampleProjects.expected(project));
        assertTrue(expected.remove("sleep-helpers/hooks.c:142 DL101"));
        assertEquals(SampleProjects.histogram(expected), SampleProjects.histogram(keys(findings())));
        // Markers of files whose findings did not change are kept as they are.
        assertTrue(untouched.exists(), "the markers of an unaffected file were recreated");

        // And back.
        header.setContents(original.getBytes(StandardCharsets.UTF_8), IResource.FORCE, null);
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertTrue(marker("sleep-helpers/hooks.c", 142, "DL101") != null);
        assertEquals(SampleProjects.histogram(SampleProjects.expected(project)), SampleProjects.histogram(keys(findings())));
    }

    @Test
    @Order(4)
    void quickFixesAreRegisteredForTheMarkerType() {
        boolean found = false;
        for (IConfigurationElement e : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.ui.ide.markerResolution")) {
            found |= Dovelint.FINDING_MARKER.equals(e.getAttribute("markerType"))
                    && "io.github.dovelint.eclipse.DovelintResolutions".equals(e.getAttribute("class"));
        }
        assertTrue(found);
    }

    @Test
    @Order(5)
    void suppressQuickFixInsertsTheCommentAndTheMarkerGoes() throws Exception {
        IMarker m = marker("sleep-direct/hooks.c", 44, "DL101");
        // The workbench's quick fixes (DovelintResolutions, run by the UI test) delegate to QuickFixes.
        assertEquals(List.of("Suppress DL101 here", "Open rule documentation (DL101)"), QuickFixes.labels(m));
        assertTrue(QuickFixes.page("DL101").contains("DL101"));
        int before = findings().length;

        QuickFixes.suppress(m);

        Path file = project.getFile("sleep-direct/hooks.c").getLocation().toFile().toPath();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("\t/* dovelint-ignore DL101: " + QuickFixes.REASON_PLACEHOLDER + " */", lines.get(43));
        assertTrue(lines.get(44).contains("mutex_lock(&fd_mutex);"), lines.get(44));

        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(null, marker("sleep-direct/hooks.c", 45, "DL101"), "the suppressed finding is gone");
        assertTrue(marker("sleep-direct/hooks.c", 47, "DL101") != null, "the next finding moved down one line");
        assertEquals(before - 1, findings().length);
        for (IMarker other : findings()) {
            String rule = other.getAttribute(Dovelint.RULE_ID, "");
            if (other.getResource().getName().equals("hooks.c")
                    && other.getResource().getParent().getName().equals("sleep-direct")) {
                assertTrue(rule.equals("DL101"), "no suppression problem (DL001/DL002): " + key(other));
            }
        }
    }

    @Test
    @Order(6)
    void findingsInTheProjectBaselineGetNoMarkers() throws Exception {
        int before = findings().length;
        assertTrue(before > 0);
        IFile baseline = project.getFile(Baseline.DEFAULT_FILE_NAME);
        Baseline.of(Dovelint.lastResult(project)).write(baseline.getLocation().toFile().toPath());
        baseline.refreshLocal(IResource.DEPTH_ZERO, null);
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(0, findings().length, "every finding is accepted by the baseline");
        assertEquals(0, Dovelint.lastResult(project).findings().size());

        baseline.delete(true, null);
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(before, findings().length, "without the baseline the markers come back");
    }

    @Test
    @Order(7)
    void removingTheNatureRemovesTheBuilderAndTheMarkers() throws Exception {
        assertTrue(findings().length > 0);
        Dovelint.setEnabled(project, false, null);
        assertFalse(project.hasNature(Dovelint.NATURE_ID));
        assertFalse(Arrays.stream(project.getDescription().getBuildSpec())
                .anyMatch(c -> c.getBuilderName().equals(Dovelint.BUILDER_ID)));
        assertEquals(0, findings().length);
        assertEquals(0, project.findMarkers(Dovelint.CHAIN_STEP_MARKER, false, IResource.DEPTH_INFINITE).length);
    }
}
