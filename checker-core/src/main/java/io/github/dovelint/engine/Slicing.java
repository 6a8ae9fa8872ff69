package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.slice.IndexStore;
import io.github.dovelint.slice.LexicalIndex;
import io.github.dovelint.slice.Slicer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Parsing only the part of a unit its rules can look at ({@link SliceSpecs},
 * {@link Slicer}): every source is indexed lexically, the sources with
 * starting points only facts can confirm are parsed first, then the rest of
 * the slice. The other sources are out of reach and never parsed.
 */
final class Slicing {

    private Slicing() {
    }

    /**
     * The parsed sources (null where out of reach), in the unit's order, and the index that
     * chose them; {@code parsed} is null when the slice was the one expected (nothing parsed).
     */
    record Result(ParsedFile[] parsed, LexicalIndex index) {
    }

    /**
     * Indexes the unit's sources, then parses its slice.
     *
     * @param expected a slice that, if the index gives it again, needs no parsing (null: none)
     */
    static Result parse(RunContext run, UnitJob job, CParser parser, BitSet expected) {
        FactCache cache = job.cache();
        // where the index is kept between runs (read, then rewritten)
        Path store = cache == null ? null : cache.sidecar("lexical",
                job.unit().directory() + "\u0000" + job.options().includeDirs(), "idx");
        Result result = parse(run, job, parser, expected, store);
        if (store != null) {
            cache.retireOthers(store);
        }
        return result;
    }

    private static Result parse(RunContext run, UnitJob job, CParser parser, BitSet expected, Path store) {
        List<Path> sources = job.unit().sources();
        List<Slicer.Spec> specs = job.specs();
        Timings timings = run.timings();
        long start = System.nanoTime();
        String key = "lexical index";
        IndexStore.Stored previous = store == null ? null : IndexStore.read(store, key).orElse(null);
        // the sources' hashes are taken when a record or the stored index will need them
        boolean hashes = job.recordKey() != null || store != null;
        LexicalIndex index = LexicalIndex.build(sources, job.options().includeDirs(), run.settings().threads(),
                hashes, previous, job.cache() == null ? null : job.cache().hashes());
        // A layout is stored when made: a few files scanned again are cheaper to scan again next time.
        if (store != null && index.rebuilt() && job.cache().writes().on()) {
            try {
                IndexStore.write(store, key, index);
            } catch (java.io.IOException e) {
                job.cache().writes().failed(store, e);
            }
        }
        Slicer slicer = new Slicer(index);
        BitSet first = slicer.toConfirm(specs);
        timings.since("index", start);
        Cancellation.check(run.progress()); // indexing a whole tree takes seconds

        ParsedFile[] parsed = new ParsedFile[sources.size()];
        long parseStart = System.nanoTime();
        List<Slicer.Confirmed> confirmed = confirmed(parsed, parseInto(parsed, first, run, job, parser));
        timings.since("parse", parseStart);
        long sliceStart = System.nanoTime();
        BitSet chosen = slicer.slice(specs, confirmed);
        chosen.or(first);
        timings.since("index", sliceStart);
        if (chosen.equals(expected)) {
            return new Result(null, index);
        }
        long restStart = System.nanoTime();
        parseInto(parsed, chosen, run, job, parser);
        timings.since("parse", restStart);
        return new Result(parsed, index);
    }

    /** The starting points the facts of these parsed sources confirm. */
    private static List<Slicer.Confirmed> confirmed(ParsedFile[] parsed, Iterable<Integer> which) {
        List<Slicer.Confirmed> out = new ArrayList<>();
        for (int i : which) {
            ParsedFile pf = parsed[i];
            if (pf != null && pf.facts() != null) {
                for (FunctionFacts f : pf.facts().functions()) {
                    if (!f.oobAccesses().isEmpty()) {
                        out.add(new Slicer.Confirmed(i, f.name()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The sources of a unit parsed whole that its rules reach, as the slice of a sliced unit
     * would be (docs/configurations.md#cost): every source when a rule looks at everything.
     */
    static BitSet reach(RunContext run, UnitJob job, ParsedFile[] parsed) {
        List<Path> sources = job.unit().sources();
        BitSet all = new BitSet();
        all.set(0, sources.size());
        List<Slicer.Spec> specs = SliceSpecs.of(job.rules(), job.kb());
        if (specs == null) {
            return all;
        }
        long start = System.nanoTime();
        // through the run's hashes, which read the overlay's texts (docs/robustness.md#unsaved-buffers)
        Slicer slicer = new Slicer(LexicalIndex.build(sources, job.options().includeDirs(), run.settings().threads(),
                false, null, run.fileHashes()));
        BitSet first = slicer.toConfirm(specs);
        BitSet chosen = slicer.slice(specs, confirmed(parsed, all.stream()::iterator));
        chosen.or(first);
        run.timings().since("index", start);
        return chosen;
    }

    /** Parses the chosen sources not parsed yet; their indexes. */
    private static List<Integer> parseInto(ParsedFile[] parsed, BitSet chosen, RunContext run, UnitJob job,
                                           CParser parser) {
        List<Integer> which = new ArrayList<>();
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            if (parsed[i] == null) {
                which.add(i);
            }
        }
        List<ParsedFile> done = run.parsing().parseAll(which.stream().map(job.unit().sources()::get).toList(),
                parser, job.oobFields(), job.kb().guardClasses(), job.cache());
        for (int k = 0; k < which.size(); k++) {
            parsed[which.get(k)] = done.get(k);
        }
        return which;
    }
}
