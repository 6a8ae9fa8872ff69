package io.github.dovelint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.cache.FactCache;
import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.parse.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts cache: used when nothing changed, ignored when the file, a header
 * it includes, the configuration or the tool version changed, or when the
 * entry is corrupt; and a run gives the same result cold, warm and with any
 * thread count.
 */
class FactCacheTest {

    @TempDir
    Path tmp;

    private static final String HOOKS = """
            #include "helpers.h"
            void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	helper();
            }
            void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
            {
            	spin_lock(&files->file_lock);
            	spin_unlock(&files->file_lock);
            }
            """;

    private static final String HELPERS = """
            static inline void helper(void) { mutex_lock(&big); }
            """;

    private Path src;
    private Path header;
    private Path cacheDir;

    private void writeTree() throws Exception {
        src = tmp.resolve("tree/core.c");
        header = tmp.resolve("tree/helpers.h");
        cacheDir = tmp.resolve("cache");
        Files.createDirectories(src.getParent());
        Files.writeString(src, HOOKS);
        Files.writeString(header, HELPERS);
        for (int i = 0; i < 6; i++) {
            Files.writeString(tmp.resolve("tree/more" + i + ".c"), """
                    #include "helpers.h"
                    static void more%d(void) { helper(); msleep(1); }
                    void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                    {
                    	more%d();
                    }
                    """.formatted(i, i));
        }
    }

    private FactCache cache(String version, List<String> oob, Map<String, String> defines) {
        return cache(version, oob, defines, GuardClasses.none());
    }

    private FactCache cache(String version, List<String> oob, Map<String, String> defines, GuardClasses guards) {
        ParseOptions options = new ParseOptions(List.of(), defines, null, true);
        return FactCaches.forUnit(cacheDir, version, tmp.resolve("tree"), options, oob, guards);
    }

    private FactCache cache() {
        return cache("1.0", List.of("oob_data"), Map.of());
    }

    /** Parses src through the cache; true when it was a hit. */
    private boolean hit(FactCache c) {
        FactCache.Lookup l = c.lookup(src, "core.c");
        if (l.hit() != null) {
            return true;
        }
        Parsing parsing = new Parsing(new Relativizer(tmp.resolve("tree")), 1, io.github.dovelint.model.Limits.DEFAULT,
                ProgressListener.NONE);
        parsing.parseAll(List.of(src), new io.github.dovelint.parse.CParser(
                new ParseOptions(List.of(), Map.of(), null, true)), java.util.Set.of("oob_data"), GuardClasses.none(), c);
        return false;
    }

    @Test
    void unchangedFileIsAHitAndTheEntryHoldsItsFacts() throws Exception {
        writeTree();
        assertTrue(!hit(cache()), "cold");
        FactCache.Lookup l = cache().lookup(src, "core.c");
        assertNotNull(l.hit());
        assertEquals(HOOKS, l.hit().text());
        assertTrue(l.hit().facts().functions().stream().anyMatch(f -> f.name().equals("helper")),
                "the header's static inline is in the unit's facts");
    }

    @Test
    void contentChangeInvalidates() throws Exception {
        writeTree();
        hit(cache());
        Files.writeString(src, HOOKS + "\n/* changed */\n");
        assertTrue(!hit(cache()));
        assertTrue(hit(cache()), "rebuilt");
    }

    @Test
    void headerChangeInvalidates() throws Exception {
        writeTree();
        hit(cache());
        Files.writeString(header, HELPERS + "static inline void other(void) { }\n");
        assertTrue(!hit(cache()));
        assertTrue(hit(cache()));
        Files.delete(header);
        assertTrue(!hit(cache()), "a header that is gone");
    }

    @Test
    void configurationChangeInvalidates() throws Exception {
        writeTree();
        hit(cache());
        assertTrue(!hit(cache("1.0", List.of("oob_data", "f_oob_ctx"), Map.of())), "oob field names");
        hit(cache());
        assertTrue(!hit(cache("1.0", List.of("oob_data"), Map.of("CONFIG_EVL", "1"))), "defines");
        hit(cache());
        GuardClasses project = GuardClasses.none().with(Map.of("evl_mutex", new GuardClasses.GuardClass("evl_mutex",
                "evl_lock_mutex", "evl_unlock_mutex", GuardClasses.ReleaseArgument.LOCK)));
        assertTrue(!hit(cache("1.0", List.of("oob_data"), Map.of(), project)), "guard classes");
        ParseOptions noPrelude = new ParseOptions(List.of(), Map.of(), null, false);
        assertTrue(!hit(cache()), "one entry per file: the last configuration wins");
        assertTrue(hit(cache()));
        assertNull(FactCaches.forUnit(cacheDir, "1.0", tmp.resolve("tree"), noPrelude, List.of("oob_data"),
                GuardClasses.none())
                .lookup(src, "core.c").hit(), "prelude");
        assertNull(FactCaches.forUnit(cacheDir, "1.0", tmp, new ParseOptions(List.of(), Map.of(), null, true),
                List.of("oob_data"), GuardClasses.none()).lookup(src, "core.c").hit(), "another root");
    }

    @Test
    void versionChangeInvalidates() throws Exception {
        writeTree();
        hit(cache());
        assertTrue(hit(cache()));
        assertTrue(!hit(cache("1.1", List.of("oob_data"), Map.of())));
    }

    @Test
    void corruptOrTruncatedEntriesAreIgnoredAndRebuilt() throws Exception {
        writeTree();
        hit(cache());
        Path entry;
        try (Stream<Path> s = Files.walk(cacheDir)) {
            entry = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(entry);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        Files.write(entry, flipped);
        assertNull(cache().lookup(src, "core.c").hit(), "checksum mismatch");
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 3));
        assertNull(cache().lookup(src, "core.c").hit(), "truncated");
        Files.writeString(entry, "garbage", StandardCharsets.UTF_8);
        assertNull(cache().lookup(src, "core.c").hit(), "garbage");
        assertTrue(!hit(cache()));
        assertTrue(hit(cache()), "rebuilt");
    }

    private AnalysisResult analyse(int threads, boolean withCache) throws Exception {
        Analyzer.Builder b = Analyzer.builder().root(tmp.resolve("tree")).threads(threads)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule()));
        if (withCache) {
            b.cacheDir(cacheDir);
        }
        return b.build().run();
    }

    private static String render(AnalysisResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.files()).append('\n').append(r.lines()).append('\n').append(r.problems()).append('\n');
        r.findings().forEach(f -> sb.append(f).append('\n'));
        return sb.toString();
    }

    @Test
    void aFileCachedUnderLooserLimitsIsSkippedUnderTighterOnesAsWithoutTheCache() throws Exception {
        writeTree();
        analyse(1, true);
        Analyzer.Builder tight = Analyzer.builder().root(tmp.resolve("tree")).threads(1)
                .knowledge(KnowledgeBaseLoader.load("test.yml", TestRun.KB))
                .rules(List.of(new TestRun.SleepRule()))
                .limits(io.github.dovelint.model.Limits.DEFAULT.withMaxFileBytes(100));
        AnalysisResult cold = tight.build().run();
        AnalysisResult warm = tight.cacheDir(cacheDir).build().run();
        assertTrue(cold.notAnalysed().contains("core.c"), cold.notAnalysed().toString());
        assertEquals(render(cold), render(warm));
        assertEquals(cold.notAnalysed(), warm.notAnalysed());
    }

    @Test
    void sameResultColdWarmAndWithAnyThreadCount() throws Exception {
        writeTree();
        String reference = render(analyse(1, false));
        assertTrue(reference.contains("mutex"), reference);
        assertEquals(reference, render(analyse(4, false)), "1 vs 4 threads");
        assertEquals(reference, render(analyse(4, true)), "cold cache");
        try (Stream<Path> s = Files.walk(cacheDir)) {
            assertEquals(7, s.filter(p -> p.toString().endsWith(".facts")).count(), "the cold run filled the cache");
        }
        assertEquals(reference, render(analyse(4, true)), "warm cache, 4 threads");
        assertEquals(reference, render(analyse(1, true)), "warm cache, 1 thread");
        Files.writeString(header, "static inline void helper(void) { }\n");
        String changed = render(analyse(2, true));
        assertEquals(render(analyse(2, false)), changed, "after a header change");
        assertNotEquals(reference, changed);
    }

    @Test
    void aSidecarOfAnotherVersionUnusedForAWeekIsRetiredAndOtherOwnersAreKept() throws Exception {
        writeTree();
        Path old = cache("0.9", List.of("oob_data"), Map.of()).sidecar("lexical", "unit a", "idx");
        Path otherUnit = cache("0.9", List.of("oob_data"), Map.of()).sidecar("lexical", "unit b", "idx");
        Path recent = cache("0.95", List.of("oob_data"), Map.of()).sidecar("lexical", "unit a", "idx");
        Path now = cache().sidecar("lexical", "unit a", "idx");
        assertNotEquals(old, now);
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - FactCache.RETIRE_AFTER.toMillis() - 60_000);
        for (Path p : List.of(old, otherUnit, recent, now)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
            Files.setLastModifiedTime(p, p == recent ? Files.getLastModifiedTime(p) : longAgo);
        }
        cache().retireOthers(now);
        assertTrue(Files.exists(now));
        assertTrue(Files.exists(otherUnit), "another unit's");
        assertTrue(Files.exists(recent), "used within the week: another configuration in use");
        assertTrue(!Files.exists(old), "the same unit's, under the old version, unused for a week");
    }
}
