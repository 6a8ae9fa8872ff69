package io.github.dovelint.engine;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.rules.Scope;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.slice.IndexStore;
import io.github.dovelint.slice.LexicalIndex;
import io.github.dovelint.slice.Slicer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsing only the part of a unit its rules can look at ({@link Scope},
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

    /** The scope of each rule, or null when a rule can look at everything (then everything is parsed). */
    static List<Slicer.Spec> specs(List<Rule> rules, KnowledgeBase kb) {
        List<Slicer.Spec> out = new ArrayList<>();
        for (Rule rule : rules) {
            Scope scope = rule.scope();
            if (scope.isEverything()) {
                return null;
            }
            out.addAll(scope.slicerSpecs(kb));
        }
        return out;
    }

    /**
     * @param store       where the index is kept between runs (read, then rewritten), or null
     * @param fileHashes  where the sources' SHA-256 are taken from (null: read them)
     * @param expected    a slice that, if the index gives it again, needs no parsing (null: none)
     */
    static Result parse(List<Path> sources, List<Slicer.Spec> specs, List<Path> includeDirs, Parsing parsing,
                        CParser parser, Set<String> oobFields, int threads, boolean hashes,
                        Map<String, Long> timings, Path store, io.github.dovelint.cache.FileHashes fileHashes,
                        BitSet expected) {
        long start = System.nanoTime();
        String key = "lexical index";
        IndexStore.Stored previous = store == null ? null : IndexStore.read(store, key).orElse(null);
        LexicalIndex index = LexicalIndex.build(sources, includeDirs, threads, hashes || store != null, previous,
                fileHashes);
        // A layout is stored when made: a few files scanned again are cheaper to scan again next time.
        if (store != null && index.rebuilt()) {
            IndexStore.write(store, key, index);
        }
        Slicer slicer = new Slicer(index);
        BitSet first = slicer.toConfirm(specs);
        timings.merge("index", System.nanoTime() - start, Long::sum);

        ParsedFile[] parsed = new ParsedFile[sources.size()];
        long parseStart = System.nanoTime();
        List<Slicer.Confirmed> confirmed = new ArrayList<>();
        for (int i : parseInto(parsed, first, sources, parsing, parser, oobFields)) {
            ParsedFile pf = parsed[i];
            if (pf.facts() != null) {
                for (FunctionFacts f : pf.facts().functions()) {
                    if (!f.oobAccesses().isEmpty()) {
                        confirmed.add(new Slicer.Confirmed(i, f.name()));
                    }
                }
            }
        }
        timings.merge("parse", System.nanoTime() - parseStart, Long::sum);
        long sliceStart = System.nanoTime();
        BitSet chosen = slicer.slice(specs, confirmed);
        chosen.or(first);
        timings.merge("index", System.nanoTime() - sliceStart, Long::sum);
        if (chosen.equals(expected)) {
            return new Result(null, index);
        }
        long restStart = System.nanoTime();
        parseInto(parsed, chosen, sources, parsing, parser, oobFields);
        timings.merge("parse", System.nanoTime() - restStart, Long::sum);
        return new Result(parsed, index);
    }

    /** Parses the chosen sources not parsed yet; their indexes. */
    private static List<Integer> parseInto(ParsedFile[] parsed, BitSet chosen, List<Path> sources, Parsing parsing,
                                           CParser parser, Set<String> oobFields) {
        List<Integer> which = new ArrayList<>();
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            if (parsed[i] == null) {
                which.add(i);
            }
        }
        List<ParsedFile> done = parsing.parseAll(which.stream().map(sources::get).toList(), parser, oobFields);
        for (int k = 0; k < which.size(); k++) {
            parsed[which.get(k)] = done.get(k);
        }
        return which;
    }
}
