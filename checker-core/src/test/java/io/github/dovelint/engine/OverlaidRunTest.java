package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.Analyzer;
import io.github.dovelint.files.SourceOverlay;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run given a {@link SourceOverlay} (an editor's unsaved buffers) reads the overlay's texts
 * instead of the files: its findings, their lines, their source lines and the suppression
 * comments are the texts'; and the cache folder it shares with runs over the disk stays true of
 * the disk, whole or sliced (docs/robustness.md#unsaved-buffers). Every result is compared with
 * a run without a cache over the same texts written to disk.
 */
class OverlaidRunTest {

    @TempDir
    Path tmp;

    private Path tree;
    private Path core;
    private Path header;

    private static final String CLEAN = """
            #include "helpers.h"
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	helper();
            }
            """;

    private static final String SLEEPING = """
            #include "helpers.h"
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	helper();

            	msleep(1);
            }
            """;

    private static final String HELPER_CLEAN = "static inline void helper(void) { kfree(0); }\n";
    private static final String HELPER_SLEEPING = "static inline void helper(void) { mutex_lock(&big); }\n";

    @BeforeEach
    void writeTree() throws Exception {
        tree = tmp.resolve("tree");
        Files.createDirectories(tree);
        core = Files.writeString(tree.resolve("core.c"), CLEAN);
        header = Files.writeString(tree.resolve("helpers.h"), HELPER_CLEAN);
        Files.writeString(tree.resolve("other.c"), """
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	kfree(file);
                }
                """);
    }

    /** Each finding as {@code file:line: message | source line}, in report order. */
    private List<String> analyse(SourceOverlay overlay, boolean cached, Analyzer.Scope scope) throws Exception {
        Analyzer.Builder b = Analyzer.builder().root(tree).threads(2).scope(scope)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule())).overlay(overlay);
        if (cached) {
            b.cacheDir(tmp.resolve("cache"));
        }
        AnalysisResult r = b.build().run();
        assertEquals(List.of(), r.problems());
        return r.findings().stream().map(OverlaidRunTest::shown).toList();
    }

    private static String shown(Finding f) {
        return f.location().file() + ":" + f.location().line() + ": " + f.message().replaceAll(";.*", "")
                + " | " + f.snippet();
    }

    private List<String> cached(Map<Path, String> texts, Analyzer.Scope scope) throws Exception {
        return analyse(SourceOverlay.of(texts), true, scope);
    }

    private List<String> disk(Analyzer.Scope scope) throws Exception {
        List<String> cachedRun = analyse(SourceOverlay.NONE, true, scope);
        assertEquals(analyse(SourceOverlay.NONE, false, scope), cachedRun,
                "the cache agrees with the files on disk");
        return cachedRun;
    }

    /** What a run without a cache finds in these texts, written to disk (and then written back). */
    private List<String> asIfSaved(Map<Path, String> texts, Analyzer.Scope scope) throws Exception {
        Map<Path, String> before = new java.util.HashMap<>();
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            before.put(e.getKey(), Files.readString(e.getKey()));
            Files.writeString(e.getKey(), e.getValue());
        }
        try {
            return analyse(SourceOverlay.NONE, false, scope);
        } finally {
            for (Map.Entry<Path, String> e : before.entrySet()) {
                Files.writeString(e.getKey(), e.getValue());
            }
        }
    }

    @Test
    void aFindingOnlyTheOverlayHasIsReportedAtItsLineAndTheDiskRunStaysClean() throws Exception {
        for (Analyzer.Scope scope : List.of(Analyzer.Scope.ALL, Analyzer.Scope.REACH)) {
            assertEquals(List.of(), disk(scope), scope.toString());
            List<String> edited = cached(Map.of(core, SLEEPING), scope);
            assertEquals(List.of("core.c:6: msleep() may sleep: sleeps | msleep(1);"), edited, scope.toString());
            assertEquals(asIfSaved(Map.of(core, SLEEPING), scope), edited);
            assertEquals(List.of(), disk(scope), "the disk file has no finding: " + scope);
            assertEquals(edited, cached(Map.of(core, SLEEPING), scope), "again, with the cache warm: " + scope);
        }
    }

    @Test
    void aFindingTheOverlayRemovesOrMovesIsNotReportedAtTheDisksLine() throws Exception {
        Files.writeString(core, SLEEPING);
        for (Analyzer.Scope scope : List.of(Analyzer.Scope.ALL, Analyzer.Scope.REACH)) {
            assertEquals(List.of("core.c:6: msleep() may sleep: sleeps | msleep(1);"), disk(scope));
            assertEquals(List.of(), cached(Map.of(core, CLEAN), scope), scope.toString());
            String moved = SLEEPING.replace("\n\n\tmsleep(1);", "\n\tmsleep(2);");
            List<String> edited = cached(Map.of(core, moved), scope);
            assertEquals(List.of("core.c:5: msleep() may sleep: sleeps | msleep(2);"), edited, scope.toString());
            assertEquals(asIfSaved(Map.of(core, moved), scope), edited);
            assertEquals(List.of("core.c:6: msleep() may sleep: sleeps | msleep(1);"), disk(scope), scope.toString());
        }
    }

    @Test
    void anOverlaidHeaderIsWhatTheParserIncludes() throws Exception {
        assertEquals(List.of(), disk(Analyzer.Scope.ALL));
        List<String> edited = cached(Map.of(header, HELPER_SLEEPING), Analyzer.Scope.ALL);
        assertEquals(List.of("helpers.h:1: mutex_lock() may sleep: mutex | static inline void helper(void) { mutex_lock(&big); }"),
                edited);
        assertEquals(asIfSaved(Map.of(header, HELPER_SLEEPING), Analyzer.Scope.ALL), edited);
        assertEquals(List.of(), disk(Analyzer.Scope.ALL));
    }

    @Test
    void aSuppressionCommentInTheOverlaySuppresses() throws Exception {
        Files.writeString(core, SLEEPING);
        assertEquals(1, disk(Analyzer.Scope.ALL).size());
        String suppressed = SLEEPING.replace("\n\tmsleep(1);", "\t/* dovelint-ignore DL901: only at probe time */\n\tmsleep(1);");
        assertEquals(List.of(), cached(Map.of(core, suppressed), Analyzer.Scope.ALL));
        assertEquals(1, disk(Analyzer.Scope.ALL).size());
    }
}
