package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.slice.FileIndex;
import io.github.dovelint.slice.LexicalIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reuse decision of a unit. Takes a {@link UnitJob}; gives a {@link Reuse}: what of the
 * unit's last run still holds ({@link RunReuse} says when). Sources whose bytes changed are
 * parsed again (through the fact cache) to see whether their facts did; files out of reach
 * are only scanned lexically. Nothing is written here.
 */
final class ReuseCheck {

    private final RunContext run;

    ReuseCheck(RunContext run) {
        this.run = run;
    }

    Reuse check(UnitJob job) throws AnalysisException {
        if (job.recordKey() == null) {
            return new Reuse.Full();
        }
        FactCache cache = job.cache();
        RunRecord record = RunRecord.read(RunRecord.path(cache, job.recordKey()), job.recordKey());
        if (record == null) {
            return new Reuse.Full();
        }
        List<Path> paths = job.unit().sources();
        List<String> names = paths.stream().map(run.relativizer()::apply).toList();
        Optional<List<Integer>> changed = RunReuse.changed(record, paths, names, cache, run.settings().threads());
        if (changed.isEmpty()) {
            return new Reuse.Full();
        }
        List<RunRecord.Source> sources = new ArrayList<>(record.sources());
        Set<String> changedFiles = new TreeSet<>();
        List<Integer> toParse = new ArrayList<>();
        boolean sliceMayChange = false;
        for (int i : changed.get()) {
            RunRecord.Source old = record.sources().get(i);
            Path path = paths.get(i);
            byte[] lexical = old.lexicalDigest();
            if (lexical != null) {
                // the program was sliced: a change to what the index sees may change the slice
                Optional<byte[]> now = LexicalIndex.scanOne(path, run.settings().overlay()).map(FileIndex::digest);
                if (now.isEmpty() || !old.outOfReach() && !Arrays.equals(now.get(), lexical)) {
                    return new Reuse.Full();
                }
                sliceMayChange |= !Arrays.equals(now.get(), lexical);
                lexical = now.get();
            }
            if (old.outOfReach()) {
                // its hash is the one the check just compared (a file it could not read ends the reuse)
                sources.set(i, new RunRecord.Source(old.file(), cache.hashes().hash(path).orElseThrow(), null, 0,
                        List.of(), run.suppressionsOf(path), lexical, true));
                changedFiles.add(old.file());
            } else {
                toParse.add(i);
            }
        }
        if (sliceMayChange) {
            // A file out of reach now says other things: it stays out, and the findings stand, if
            // the index gives the same slice and nothing in reach changed.
            return toParse.isEmpty() ? new Reuse.IfSameSlice(record, sources, changedFiles) : new Reuse.Full();
        }
        if (job.configPass() && !toParse.isEmpty()) {
            // its facts in the other configuration may have changed too: the rules run again, over
            // facts mostly from the cache (docs/configurations.md#cost)
            ConfigPass pass = new ConfigPass(run, job);
            if (toParse.stream().anyMatch(i -> pass.testsOptions(paths.get(i)))) {
                return new Reuse.Full();
            }
        }
        Set<String> parsedAgain = new HashSet<>();
        if (!toParse.isEmpty()) {
            long parseStart = System.nanoTime();
            List<ParsedFile> parsed = run.parsing().parseAll(toParse.stream().map(paths::get).toList(),
                    run.parser(job.options()), job.oobFields(), job.kb().guardClasses(), cache);
            run.timings().since("parse", parseStart);
            for (int k = 0; k < parsed.size(); k++) {
                ParsedFile pf = parsed.get(k);
                int i = toParse.get(k);
                ParsedFile.Cached c = pf.cached();
                if (c == null || c.factsDigest() == null || pf.suppressions() == null
                        || !Arrays.equals(c.factsDigest(), record.sources().get(i).factsDigest())) {
                    return new Reuse.Full(); // the facts changed: the rules must run again
                }
                sources.set(i, new RunRecord.Source(pf.file(), c.hash(), c.factsDigest(), pf.lines(), pf.problems(),
                        pf.suppressions(), record.sources().get(i).lexicalDigest(), false));
                changedFiles.add(pf.file());
                parsedAgain.add(names.get(i));
            }
        }
        return new Reuse.Reused(record, sources, changedFiles, parsedAgain);
    }
}
