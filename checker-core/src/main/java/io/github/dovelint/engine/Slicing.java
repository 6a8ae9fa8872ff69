package io.github.dovelint.engine;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.parse.CParser;
import io.github.dovelint.rules.Reach;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.slice.LexicalIndex;
import io.github.dovelint.slice.Slicer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsing only the part of a unit its rules can look at ({@link Reach},
 * {@link Slicer}): every source is indexed lexically, the sources with
 * starting points only facts can confirm are parsed first, then the rest of
 * the slice. The other sources are out of reach and never parsed.
 */
final class Slicing {

    private Slicing() {
    }

    /** The parsed sources (null where out of reach), in the unit's order, and the index that chose them. */
    record Result(ParsedFile[] parsed, LexicalIndex index) {
    }

    /** The reach of each rule, or null when a rule does not declare one (then everything is parsed). */
    static List<Slicer.Spec> specs(List<Rule> rules, KnowledgeBase kb) {
        List<Slicer.Spec> out = new ArrayList<>();
        for (Rule rule : rules) {
            Reach[] reaches = rule.getClass().getAnnotationsByType(Reach.class);
            if (reaches.length == 0) {
                return null;
            }
            for (Reach r : reaches) {
                out.add(Slicer.Spec.of(r, kb));
            }
        }
        return out;
    }

    static Result parse(List<Path> sources, List<Slicer.Spec> specs, List<Path> includeDirs, Parsing parsing,
                        CParser parser, Set<String> oobFields, int threads, boolean hashes,
                        Map<String, Long> timings) {
        long start = System.nanoTime();
        LexicalIndex index = LexicalIndex.build(sources, includeDirs, threads, hashes);
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
