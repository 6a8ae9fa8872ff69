package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.cache.FileHashes;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.kconfig.ConfigFindings;
import io.github.dovelint.kconfig.TestedOptions;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration-aware pass of a unit (docs/configurations.md): the sources the rules reach
 * that test {@code CONFIG_*} options are parsed a second time with each option they (and the
 * headers they include) test defined as 1, through a fact cache of their own; the program
 * with those facts in place of the first ones is checked again, and the findings of both are
 * merged by {@link ConfigFindings}. The parse problems, lines and suppressions reported are the
 * first configuration's. Used only when the user gave no real configuration ({@link UnitJob#configPass()}).
 */
final class ConfigPass {

    /** The folder of the second configuration's fact cache, under the unit's. */
    static final String CACHE_DIR = "config-defined";

    private final RunContext run;
    private final UnitJob job;
    private final TestedOptions tested;

    ConfigPass(RunContext run, UnitJob job) {
        this.run = run;
        this.job = job;
        this.tested = new TestedOptions(job.options().includeDirs(), run.settings().overlay());
    }

    /** The second configuration's facts, for the sources it parsed again. */
    record Variant(Map<Integer, ParsedFile> parsed, Map<String, SortedSet<String>> defined) {
        boolean isEmpty() {
            return parsed.isEmpty();
        }
    }

    /** Whether a source tests any option: only those are parsed again. */
    boolean testsOptions(Path source) {
        return !tested.of(source).isEmpty();
    }

    /**
     * Parses again, with the options they test defined, the sources in {@code reach} that were
     * analysed ({@code parsed[i]} has facts) and test an option.
     */
    Variant parse(ParsedFile[] parsed, BitSet reach) throws AnalysisException {
        List<Path> paths = job.unit().sources();
        List<Integer> which = new ArrayList<>();
        Map<Path, SortedSet<String>> options = new HashMap<>();
        Map<String, SortedSet<String>> defined = new TreeMap<>();
        for (int i = reach.nextSetBit(0); i >= 0 && i < parsed.length; i = reach.nextSetBit(i + 1)) {
            if (parsed[i] == null || parsed[i].facts() == null) {
                continue;
            }
            Path p = paths.get(i).toAbsolutePath().normalize();
            SortedSet<String> o = tested.of(p);
            if (!o.isEmpty()) {
                which.add(i);
                options.put(p, o);
                defined.put(parsed[i].file(), o);
            }
        }
        if (which.isEmpty()) {
            return new Variant(Map.of(), Map.of());
        }
        long start = System.nanoTime();
        var parser = run.parser(job.options()).withDefines(p -> asDefines(options.getOrDefault(p, new TreeSet<>())));
        List<ParsedFile> done = run.parsing().parseAll(which.stream().map(paths::get).toList(), parser,
                job.oobFields(), job.kb().guardClasses(), cache(job.cache()), false);
        run.timings().since("config pass", start);
        Map<Integer, ParsedFile> out = new TreeMap<>();
        for (int k = 0; k < which.size(); k++) {
            out.put(which.get(k), done.get(k));
        }
        return new Variant(out, defined);
    }

    /** The facts of the program in the second configuration: {@code first}'s, those parsed again replaced. */
    static List<UnitFacts> facts(ParsedFile[] first, Variant variant) {
        List<UnitFacts> out = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            ParsedFile pf = variant.parsed().containsKey(i) ? variant.parsed().get(i) : first[i];
            if (pf != null && pf.facts() != null) {
                out.add(pf.facts());
            }
        }
        return out;
    }

    /**
     * The first configuration's parses as the unit's run record must know them: a source parsed
     * again has the digest of both its facts and the headers both included, so that a change
     * to either configuration's facts or headers is seen.
     */
    static ParsedFile[] recorded(ParsedFile[] first, Variant variant) {
        ParsedFile[] out = first.clone();
        variant.parsed().forEach((i, second) -> {
            ParsedFile.Cached a = first[i].cached();
            ParsedFile.Cached b = second.cached();
            if (a == null) {
                return;
            }
            byte[] digest = null;
            Set<Path> headers = new LinkedHashSet<>(a.headers());
            if (b != null && a.factsDigest() != null && b.factsDigest() != null) {
                byte[] both = new byte[a.factsDigest().length + b.factsDigest().length];
                System.arraycopy(a.factsDigest(), 0, both, 0, a.factsDigest().length);
                System.arraycopy(b.factsDigest(), 0, both, a.factsDigest().length, b.factsDigest().length);
                digest = FileHashes.sha256(both);
                headers.addAll(b.headers());
            }
            out[i] = first[i].withCached(new ParsedFile.Cached(a.hash(), digest, List.copyOf(headers)));
        });
        return out;
    }

    /** The findings of both configurations, each once ({@link ConfigFindings}). */
    List<Finding> merge(List<Finding> asGiven, List<Finding> allDefined, Variant variant) {
        Map<String, SortedSet<String>> inHeaders = new HashMap<>();
        SortedSet<String> anyDefined = new TreeSet<>();
        variant.defined().values().forEach(anyDefined::addAll);
        ConfigFindings findings = new ConfigFindings(this::textOf, file -> {
            SortedSet<String> d = variant.defined().get(file);
            if (d != null) {
                return d;
            }
            // a header: the options it tests that some source parsed again defined
            return inHeaders.computeIfAbsent(file, f -> {
                SortedSet<String> own = tested.of(run.relativizer().resolve(f));
                own.retainAll(anyDefined);
                return own;
            });
        });
        return findings.merge(asGiven, allDefined);
    }

    /** The failures of both checks, each once. */
    static List<Problem> failures(List<Problem> first, List<Problem> second) {
        List<Problem> out = new ArrayList<>(first);
        second.stream().filter(p -> !first.contains(p)).forEach(out::add);
        return out;
    }

    /** The rules idle in both configurations (with the first one's reason). */
    static Map<String, String> idle(Map<String, String> first, Map<String, String> second) {
        Map<String, String> out = new TreeMap<>(first);
        out.keySet().retainAll(second.keySet());
        return out;
    }

    private Optional<String> textOf(String file) {
        try {
            return Optional.of(new String(run.settings().overlay().read(run.relativizer().resolve(file)),
                    StandardCharsets.UTF_8));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> asDefines(SortedSet<String> options) {
        Map<String, String> out = new HashMap<>();
        options.forEach(o -> out.put(o, "1"));
        return out;
    }

    /** The second configuration's fact cache: another folder, its key the first's with the variant. */
    static FactCache cache(FactCache first) {
        if (first == null) {
            return null;
        }
        return new FactCache(first.directory().resolve(CACHE_DIR), new FactCache.KeyBuilder()
                .add("facts", first.key()).add("configuration", "every CONFIG_* tested defined as 1").build(),
                first.hashes());
    }
}
