package io.github.dovelint.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.eclipse.BuildReport;
import io.github.dovelint.eclipse.Dovelint;
import io.github.dovelint.model.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The builder on a generated project of a few hundred files ({@link GeneratedProject}):
 * progress per file, a save re-analysed through the facts cache (only the saved file parsed,
 * as the engine reports it), a cancelled build, and the build's lock on its project only, with
 * a cold and with a warm cache.
 * Times are printed, not asserted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedProjectBuildTest {

    static final int SOURCES = GeneratedProject.FILES + 1; // and core.c
    /** The builder's parser threads at most: the files a cancelled build may still finish. */
    static final int MAX_THREADS = 4;

    static IProject project;
    static long coldMillis;

    @BeforeAll
    static void createProject() throws Exception {
        SampleProjects.autoBuild(false);
        project = GeneratedProject.create("generated");
        Dovelint.setEnabled(project, true, null);
    }

    @AfterAll
    static void deleteProject() throws Exception {
        project.delete(true, true, null);
        IProject other = ResourcesPlugin.getWorkspace().getRoot().getProject("other");
        if (other.exists()) {
            other.delete(true, true, null);
        }
    }

    static IMarker finding(IFile file) throws Exception {
        IMarker[] found = file.findMarkers(Dovelint.FINDING_MARKER, false, IResource.DEPTH_ZERO);
        return found.length == 1 ? found[0] : null;
    }

    /** Every dovelint marker of the project: id to resource, type and attributes. */
    static Map<Long, String> markers() throws Exception {
        Map<Long, String> out = new TreeMap<>();
        for (IMarker m : project.findMarkers(null, true, IResource.DEPTH_INFINITE)) {
            if (m.getType().startsWith("io.github.dovelint.eclipse.")) {
                out.put(m.getId(), m.getResource().getProjectRelativePath() + " " + m.getType() + " "
                        + new TreeMap<>(m.getAttributes()));
            }
        }
        return out;
    }

    /** The project's finding markers as "file:line rule", and the same of an engine run without any cache. */
    static void assertMarkersAreTheUncachedFindings() throws Exception {
        List<String> markers = new ArrayList<>();
        for (IMarker m : project.findMarkers(Dovelint.FINDING_MARKER, false, IResource.DEPTH_INFINITE)) {
            markers.add(m.getResource().getProjectRelativePath() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1) + " "
                    + m.getAttribute(Dovelint.RULE_ID, ""));
        }
        List<String> engine = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Analyzer.class.getClassLoader());
        try {
            for (Finding f : Analyzer.builder().root(project.getLocation().toFile().toPath()).build().run()
                    .findings()) {
                engine.add(f.location().file() + ":" + f.location().line() + " " + f.ruleId());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        markers.sort(null);
        engine.sort(null);
        assertEquals(engine, markers);
    }

    static void deleteCache() throws Exception {
        Path dir = Dovelint.cacheDirectory(project);
        assertTrue(dir != null && !dir.startsWith(project.getLocation().toFile().toPath()),
                "the cache is kept out of the project's folder: " + dir);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    @Order(1)
    void aColdBuildParsesEveryFileReportingEachToTheMonitor() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor();
        project.build(IncrementalProjectBuilder.FULL_BUILD, monitor);
        BuildReport report = Dovelint.lastBuild(project);
        assertNotNull(report);
        assertEquals(SOURCES, report.files());
        assertEquals(SOURCES, report.filesParsed(), "a cold build parses every file");
        assertTrue(monitor.filesDone().size() >= SOURCES, "a sub-task per file: " + monitor.filesDone().size());
        assertTrue(monitor.work() > 0, "work was reported");
        coldMillis = report.millis();
        assertTrue(Files.isDirectory(Dovelint.cacheDirectory(project)), "the facts cache was written");

        // The finding: its line, and the characters of the call's name for the editor to underline.
        IFile sleeper = GeneratedProject.file(project, GeneratedProject.SLEEPER);
        IMarker m = finding(sleeper);
        assertNotNull(m, "the msleep() reached from the hook is flagged");
        assertEquals("DL101", m.getAttribute(Dovelint.RULE_ID, ""));
        assertEquals(GeneratedProject.CALL_LINE, m.getAttribute(IMarker.LINE_NUMBER, -1));
        String text = new String(sleeper.getContents().readAllBytes(), StandardCharsets.UTF_8);
        int start = m.getAttribute(IMarker.CHAR_START, -1);
        int end = m.getAttribute(IMarker.CHAR_END, -1);
        assertEquals("msleep", text.substring(start, end));
        assertEquals(text.indexOf("msleep"), start);
        assertMarkersAreTheUncachedFindings();
    }

    @Test
    @Order(2)
    void aSaveParsesOnlyTheSavedFile() throws Exception {
        IMarker before = finding(GeneratedProject.file(project, GeneratedProject.SLEEPER));
        IFile edited = GeneratedProject.file(project, 42);
        GeneratedProject.write(edited, GeneratedProject.source(42, "msleep(42);"));
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new RecordingMonitor());
        BuildReport report = Dovelint.lastBuild(project);
        assertEquals(SOURCES, report.files());
        assertEquals(1, report.filesParsed(), "only the saved file is parsed, the others come from the cache");
        // the saved file's, and core.c's, where the new finding's call chain starts
        assertEquals(2, report.filesUpdated(), "only the markers of the files the new finding crosses change");
        assertNotNull(finding(edited), "the new sleep is flagged");
        assertTrue(before.exists(), "the other file's marker is left as it was");
        long warmMillis = report.millis();

        // A save that changes no fact: parsed again, the rules' findings taken from the last run.
        GeneratedProject.write(edited, GeneratedProject.source(42, "msleep(42); /* settles */"));
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        report = Dovelint.lastBuild(project);
        assertEquals(1, report.filesParsed());
        assertEquals(0, report.filesUpdated());
        System.out.printf("dovelint Eclipse builder, %d files: cold build %d ms, save (facts changed) %d ms,"
                + " save (same facts) %d ms%n", SOURCES, coldMillis, warmMillis, report.millis());
        assertMarkersAreTheUncachedFindings();
    }

    @Test
    @Order(3)
    void aCancelledBuildStopsWithinAFileAndLeavesTheMarkersAndAUsableCache() throws Exception {
        deleteCache(); // a cold build: hundreds of files to parse, so a prompt stop shows
        IFile edited = GeneratedProject.file(project, 99);
        GeneratedProject.write(edited, GeneratedProject.source(99, "msleep(99);"));
        Map<Long, String> markersBefore = markers();
        BuildReport reportBefore = Dovelint.lastBuild(project);
        assertTrue(markersBefore.size() > 2);

        RecordingMonitor[] monitor = new RecordingMonitor[1];
        monitor[0] = new RecordingMonitor(s -> {
            if (s.startsWith("file ")) {
                monitor[0].setCanceled(true); // as the user does in the Progress view
            }
        });
        assertThrows(OperationCanceledException.class,
                () -> project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, monitor[0]));
        int done = monitor[0].filesDone().size();
        assertTrue(done >= 1 && done <= 1 + MAX_THREADS, "files done after the cancel: " + monitor[0].filesDone());
        assertEquals(markersBefore, markers(), "the markers are as they were");
        assertSame(reportBefore, Dovelint.lastBuild(project));
        assertEquals(null, finding(edited));

        // The next build analyses again (the platform forgets the cancelled build's delta), from the
        // files the cancelled one cached; its findings are those of a run without any cache.
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        BuildReport report = Dovelint.lastBuild(project);
        assertTrue(report.filesParsed() < SOURCES && report.filesParsed() >= SOURCES - done,
                "parsed " + report.filesParsed() + " after " + done + " were done");
        assertNotNull(finding(edited));
        assertMarkersAreTheUncachedFindings();
    }

    @Test
    @Order(4)
    void aColdBuildLocksOnlyItsProject() throws Exception {
        deleteCache(); // held at its first parsed file
        assertLocksOnlyItsProject();
        assertEquals(SOURCES, Dovelint.lastBuild(project).filesParsed());
    }

    @Test
    @Order(5)
    void aWarmBuildLocksOnlyItsProject() throws Exception {
        // held at its first file replayed from the cache the cold build wrote, moments after it started
        assertLocksOnlyItsProject();
        assertEquals(0, Dovelint.lastBuild(project).filesParsed(), "the facts all came from the cache");
    }

    /**
     * Holds a full build at its first file and, meanwhile, writes a file of another project under
     * that project's rule: the write finishes while the build still runs, and the build's rule
     * is its project.
     */
    static void assertLocksOnlyItsProject() throws Exception {
        IProject other = ResourcesPlugin.getWorkspace().getRoot().getProject("other");
        if (!other.exists()) {
            other.create(null);
            other.open(null);
        }
        settleBackgroundJobs();
        Job.getJobManager().suspend(); // no platform job starts, so none can wait for the held build
        // A thread each for the build and the edit, not the JVM's common pool: with its one worker
        // (on 2 cores) held in the build, the edit never ran (seen with a warm cache, whose build
        // is held on that worker itself, which the pool does not replace).
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            buildWhileEditing(other, threads);
        } finally {
            threads.shutdown();
            Job.getJobManager().resume();
        }
    }

    private static void buildWhileEditing(IProject other, ExecutorService threads) throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ISchedulingRule> rule = new AtomicReference<>();
        RecordingMonitor monitor = new RecordingMonitor(s -> {
            if (s.startsWith("file ") && building.getCount() > 0) {
                building.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS); // the build holds its lock meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (s.startsWith("analysing ")) {
                rule.set(Job.getJobManager().currentRule()); // told on the build's thread
            }
        });
        CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
            try {
                project.build(IncrementalProjectBuilder.FULL_BUILD, monitor);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        try {
            assertTrue(building.await(60, TimeUnit.SECONDS), "the build did not start");
            // While the build runs, another project can be changed (it waits for the build if the
            // build locks the workspace root).
            CompletableFuture<Void> edit = CompletableFuture.runAsync(() -> {
                try {
                    ResourcesPlugin.getWorkspace().run(m -> GeneratedProject.write(other.getFile("notes.txt"),
                            "written during the build " + System.nanoTime()), other, 0, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            try {
                edit.get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the edit of another project waited for the build; jobs: " + jobs()
                        + "\nthreads:" + threads(), e);
            }
            assertFalse(build.isDone(), "the build was still running");
        } finally {
            release.countDown();
            build.get(120, TimeUnit.SECONDS);
        }
        ISchedulingRule held = rule.get();
        assertTrue(held != null && held.contains(project) && !held.contains(other)
                && !held.contains(ResourcesPlugin.getWorkspace().getRoot()), "the build's rule: " + held);
    }

    /**
     * Runs the platform's pending jobs on the workspace root now, and waits for the background
     * jobs to finish; the caller then suspends the job manager until its build is done. Those
     * jobs are "Sending build events with disabled autobuild", which a change schedules when
     * Build Automatically is off, and the workspace snapshot. Had one started waiting for the held
     * build, the job manager would queue the edit of the other project behind it (a rule request
     * waits for a conflicting job that is itself waiting), while the build waits for that edit:
     * the three would wait on each other until the test's timeouts (seen: the edit timed out with
     * "Sending build events" waiting). A real build waits for nobody, so there such a job only
     * delays edits (docs/eclipse.md, "Scheduling rule: the project").
     */
    static void settleBackgroundJobs() throws InterruptedException {
        IJobManager jobs = Job.getJobManager();
        for (Object family : new Object[] {ResourcesPlugin.FAMILY_AUTO_BUILD, ResourcesPlugin.FAMILY_SNAPSHOT}) {
            jobs.wakeUp(family);
            jobs.join(family, null);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!jobs.isIdle() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static String threads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.eclipse.core"))) {
                out.append("\n").append(t.getName()).append(' ').append(t.getState());
                for (int i = 0; i < Math.min(stack.length, 40); i++) {
                    out.append("\n    ").append(stack[i]);
                }
            }
        });
        return out.toString();
    }

    /** The job manager's jobs, with their states and rules: what an edit could be waiting for. */
    static String jobs() {
        StringBuilder out = new StringBuilder();
        for (Job job : Job.getJobManager().find(null)) {
            out.append("\n  ").append(job.getName()).append(" (state ").append(job.getState()).append(", rule ")
                    .append(job.getRule()).append(')');
        }
        return out.toString();
    }
}
