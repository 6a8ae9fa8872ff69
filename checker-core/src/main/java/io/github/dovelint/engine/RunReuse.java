package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import io.github.dovelint.parse.Daemons;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Taking a unit's findings from its last {@link RunRecord} instead of building
 * its call graph and running the rules again. Two cases qualify:
 * <ul>
 * <li>nothing changed: the same sources, each hashing as recorded, and the same
 *     headers;</li>
 * <li>early cutoff: the same sources and headers, some files changed, and
 *     re-extracting those gives facts with the recorded digests (an edit in a
 *     comment or after the last token). The rules read facts only, so their
 *     findings stand; the snippets of findings in the changed files are read again.</li>
 * </ul>
 * Any other change (a file added or removed, a header or fact changed, a file
 * that could not be cached) runs the unit in full, and records it anew.
 */
final class RunReuse {

    private RunReuse() {
    }

    /** The record's key for a unit: the fact cache's key, the run's configuration digest and the unit. */
    static String key(String factCacheKey, String configDigest, String unitDir) {
        return new FactCache.KeyBuilder().add("facts", factCacheKey).add("config", configDigest)
                .add("unit", unitDir).build();
    }

    /**
     * The indexes of the sources whose bytes no longer hash as recorded, or empty when the
     * record cannot serve at all (other sources, a changed or unreadable header, an unreadable source).
     * The hashes are the cache's {@link FactCache#hashes()}: later asked again, they are not computed again.
     */
    static Optional<List<Integer>> changed(RunRecord record, List<Path> sources, List<String> names,
                                           FactCache cache, int threads) {
        if (record.sources().size() != sources.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < sources.size(); i++) {
            if (!record.sources().get(i).file().equals(names.get(i))) {
                return Optional.empty();
            }
        }
        for (Map.Entry<String, byte[]> h : record.headers().entrySet()) {
            Optional<byte[]> now = cache.headerHash(Path.of(h.getKey()));
            if (now.isEmpty() || !Arrays.equals(now.get(), h.getValue())) {
                return Optional.empty();
            }
        }
        byte[][] hashes = hashAll(sources, cache.hashes(), threads);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (hashes[i] == null) {
                return Optional.empty();
            }
            if (!Arrays.equals(hashes[i], record.sources().get(i).hash())) {
                changed.add(i);
            }
        }
        return Optional.of(changed);
    }

    /** The SHA-256 of each file, null where it cannot be read; on {@code threads} threads. */
    private static byte[][] hashAll(List<Path> files, io.github.dovelint.cache.FileHashes oracle, int threads) {
        byte[][] out = new byte[files.size()][];
        try {
            Daemons.forEachIndex("dovelint-hash", out.length, threads, i -> out[i] = oracle.hash(files.get(i)).orElse(null));
        } catch (RuntimeException e) {
            Arrays.fill(out, null); // unusable: a full run
        }
        return out;
    }

    /**
     * The record for a unit just run in full, or null when it must not be reused: a file that
     * was parsed but not cached (not analysed, an internal error), a header that cannot be
     * read, a rule that failed.
     *
     * @param names        per source, its name in reports
     * @param parsed       per source, its parse, or null when it was out of reach
     * @param suppressions per source, its suppressions
     * @param index        the lexical index when the unit was sliced, else null
     */
    static RunRecord record(List<String> names, ParsedFile[] parsed,
                            List<List<io.github.dovelint.suppress.Suppression>> suppressions,
                            io.github.dovelint.slice.LexicalIndex index, List<Finding> findings,
                            List<Problem> failures, Map<String, String> idle, FactCache cache) {
        if (!failures.isEmpty()) {
            return null;
        }
        List<RunRecord.Source> sources = new ArrayList<>();
        Map<String, byte[]> headers = new TreeMap<>();
        if (index != null && !addHeaders(index.headers(), headers, cache)) {
            return null;
        }
        for (int i = 0; i < parsed.length; i++) {
            ParsedFile pf = parsed[i];
            byte[] lexical = index == null ? null : index.digest(i);
            if (pf == null) {
                if (index.hash(i) == null || lexical == null) {
                    return null;
                }
                sources.add(new RunRecord.Source(names.get(i), index.hash(i), null, 0, List.of(), suppressions.get(i),
                        lexical, true));
                continue;
            }
            ParsedFile.Cached c = pf.cached();
            if (c == null || c.factsDigest() == null || pf.suppressions() == null
                    || index != null && lexical == null) {
                return null;
            }
            if (!addHeaders(c.headers(), headers, cache)) {
                return null;
            }
            sources.add(new RunRecord.Source(pf.file(), c.hash(), c.factsDigest(), pf.lines(), pf.problems(),
                    pf.suppressions(), lexical, false));
        }
        return new RunRecord(sources, headers, findings, failures, idle);
    }

    private static boolean addHeaders(java.util.Collection<Path> paths, Map<String, byte[]> headers,
                                      FactCache cache) {
        for (Path h : paths) {
            Optional<byte[]> hash = cache.headerHash(h);
            if (hash.isEmpty()) {
                return false;
            }
            headers.put(h.toString(), hash.get());
        }
        return true;
    }

    /** The recorded findings, with the snippets of those in {@code changedFiles} read again. */
    static List<Finding> findings(RunRecord record, java.util.Set<String> changedFiles, Snippets snippets) {
        List<Finding> out = new ArrayList<>(record.findings().size());
        for (Finding f : record.findings()) {
            out.add(!changedFiles.contains(f.location().file()) ? f
                    : new Finding(f.ruleId(), f.ruleName(), f.severity(), f.message(), f.location(), f.function(),
                            snippets.line(f.location()), f.chains()));
        }
        return out;
    }
}
