package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration-aware pass ({@link ConfigPass}, docs/configurations.md): the sources the
 * hooks reach are analysed as written and with the CONFIG_* options they test defined, the
 * findings of both reported once; a configuration the user gives is used alone.
 */
class ConfigPassTest {

    @TempDir
    Path tmp;

    private static final String ALLOCATES = "core.c:9 kmalloc() with GFP_KERNEL may sleep: the mask allows direct reclaim";

    private Path tree;

    @BeforeEach
    void writeTree() throws Exception {
        tree = tmp.resolve("tree");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("trace.h"), """
                #if IS_ENABLED(CONFIG_TRACE)
                static inline void trace(void) { mutex_lock(&trace_lock); }
                #else
                #define trace() do { } while (0)
                #endif
                """);
        Files.writeString(tree.resolve("core.c"), """
                #include "trace.h"
                static void settle(void)
                {
                #ifdef CONFIG_SLOW
                	msleep(1);
                #else
                	mutex_lock(&fast);
                #endif
                	kmalloc(8, GFP_KERNEL);
                }
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	settle();
                	trace();
                }
                """);
        Files.writeString(tree.resolve("other.c"), """
                #ifdef CONFIG_OTHER
                void unrelated(void) { msleep(2); }
                #endif
                """);
    }

    private AnalysisResult analyse(UnaryOperator<Analyzer.Builder> options) throws Exception {
        Analyzer.Builder b = Analyzer.builder().root(tree).path(tree).threads(2)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule()));
        return options.apply(b).build().run();
    }

    private static List<String> shown(AnalysisResult r) {
        return r.findings().stream().map(f -> f.location().file() + ":" + f.location().line() + " "
                + f.message().replaceAll("; reachable from .*?(?= \\(only|$)", "")).toList();
    }

    @Test
    void findingsOfBothConfigurationsAreReportedOnceNamingTheOneThatShowsThem() throws Exception {
        AnalysisResult r = analyse(b -> b);
        assertEquals(List.of(
                "core.c:5 msleep() may sleep: sleeps (only with CONFIG_SLOW defined)",
                "core.c:7 mutex_lock() may sleep: mutex (only with CONFIG_SLOW undefined)",
                ALLOCATES,
                "trace.h:2 mutex_lock() may sleep: mutex (only with CONFIG_TRACE defined)"), shown(r));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void aDefinedOptionIsAGivenConfigurationUsedAlone() throws Exception {
        AnalysisResult r = analyse(b -> b.define("CONFIG_SLOW", ""));
        assertEquals(List.of("core.c:5 msleep() may sleep: sleeps", ALLOCATES), shown(r));
    }

    @Test
    void anAutoconfHeaderIsAGivenConfigurationUsedAlone() throws Exception {
        Path include = tmp.resolve("include");
        Files.createDirectories(include.resolve("generated"));
        Files.writeString(include.resolve("generated/autoconf.h"), "#define CONFIG_TRACE 1\n");
        AnalysisResult r = analyse(b -> b.includeDir(include));
        assertEquals(List.of("core.c:7 mutex_lock() may sleep: mutex", ALLOCATES), shown(r));
    }

    @Test
    void theSecondConfigurationHasItsOwnCachedFactsAndTheSameFindings() throws Exception {
        Path cache = tmp.resolve("cache");
        AnalysisResult cold = analyse(b -> b.cacheDir(cache));
        assertTrue(Files.isDirectory(cache.resolve(ConfigPass.CACHE_DIR)), "the second configuration's entries");
        Files.writeString(tree.resolve("core.c"), Files.readString(tree.resolve("core.c")) + "/* edited */\n");
        AnalysisResult edited = analyse(b -> b.cacheDir(cache));
        AnalysisResult warm = analyse(b -> b.cacheDir(cache));
        List<Finding> uncached = analyse(b -> b).findings();
        assertEquals(uncached, cold.findings());
        assertEquals(uncached, edited.findings());
        assertEquals(uncached, warm.findings());
    }

    @Test
    void aChangeOnlyTheSecondConfigurationSeesIsSeen() throws Exception {
        Path cache = tmp.resolve("cache");
        analyse(b -> b.cacheDir(cache));
        Path core = tree.resolve("core.c");
        Files.writeString(core, Files.readString(core).replace("msleep(1);", "msleep(1);\n\tmsleep(3);"));
        List<String> after = shown(analyse(b -> b.cacheDir(cache)));
        assertEquals(shown(analyse(b -> b)), after);
        assertTrue(after.contains("core.c:6 msleep() may sleep: sleeps (only with CONFIG_SLOW defined)"), after.toString());
    }
}
