package io.github.dovelint.engine;

import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.facts.UnitFacts;
import io.github.dovelint.model.AnalysisException;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.slice.LexicalIndex;
import io.github.dovelint.suppress.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Runs one unit. Takes a {@link UnitJob}; gives its {@link UnitRun}: from its last run's record
 * when that still holds ({@link ReuseCheck}), otherwise by parsing its sources (through the
 * fact cache; only what the rules can reach when it is sliced, see {@link Slicing}) and
 * checking its program ({@link ProgramCheck}), then recording the run for the next one.
 */
final class UnitRunner {

    private final RunContext run;
    private final ReuseCheck reuseCheck;
    private final RecordReplay replay;
    private final ProgramCheck programCheck;

    UnitRunner(RunContext run, Map<String, RuleDescriptor> descriptors) {
        this.run = run;
        this.reuseCheck = new ReuseCheck(run);
        this.replay = new RecordReplay(run);
        this.programCheck = new ProgramCheck(run, descriptors);
    }

    UnitRun run(UnitJob job) throws AnalysisException {
        long start = System.nanoTime();
        Reuse reuse = reuseCheck.check(job);
        if (reuse instanceof Reuse.Reused reused) {
            UnitRun replayed = replay.replay(job, reused);
            run.timings().since("reuse check", start);
            return replayed;
        }
        if (job.recordKey() != null) {
            run.timings().since("reuse check", start);
        }
        ParsedFile[] parsed;
        LexicalIndex index = null;
        if (job.sliced()) {
            BitSet expected = reuse instanceof Reuse.IfSameSlice same ? same.slice() : null;
            Slicing.Result sliced = Slicing.parse(run, job, run.parser(job.options()), expected);
            if (sliced.parsed() == null && reuse instanceof Reuse.IfSameSlice same) {
                return replay.replay(job, same.confirmed()); // the index confirmed the record's slice
            }
            parsed = sliced.parsed();
            index = sliced.index();
        } else {
            long parseStart = System.nanoTime();
            parsed = run.parsing().parseAll(job.unit().sources(), run.parser(job.options()), job.oobFields(),
                    job.kb().guardClasses(), job.cache()).toArray(new ParsedFile[0]);
            run.timings().since("parse", parseStart);
        }
        return checkAndRecord(job, parsed, index);
    }

    /**
     * The unit's findings, failures and idle rules: of its program as parsed, and with the
     * {@link ConfigPass} also of the program with the options its reached sources test defined.
     */
    private Checked check(UnitJob job, ParsedFile[] parsed, List<UnitFacts> facts, LexicalIndex index)
            throws AnalysisException {
        ProgramCheck.Checked first = programCheck.check(job, facts);
        if (!job.configPass()) {
            return new Checked(first, parsed);
        }
        ConfigPass pass = new ConfigPass(run, job);
        BitSet reach = new BitSet();
        if (index != null) {
            for (int i = 0; i < parsed.length; i++) {
                if (parsed[i] != null) {
                    reach.set(i);
                }
            }
        } else {
            reach = Slicing.reach(run, job, parsed);
        }
        ConfigPass.Variant variant = pass.parse(parsed, reach);
        if (variant.isEmpty()) {
            return new Checked(first, parsed);
        }
        ProgramCheck.Checked second = programCheck.check(job, ConfigPass.facts(parsed, variant));
        return new Checked(new ProgramCheck.Checked(pass.merge(first.findings(), second.findings(), variant),
                ConfigPass.failures(first.failures(), second.failures()),
                ConfigPass.idle(first.idle(), second.idle())), ConfigPass.recorded(parsed, variant));
    }

    /** What {@link #check} gives: the merged check, and the parses as the run record must know them. */
    private record Checked(ProgramCheck.Checked checked, ParsedFile[] recorded) {
    }

    /**
     * @param parsed per source, its parse, or null when out of reach
     * @param index  the lexical index that chose the slice, or null when the unit was not sliced
     */
    private UnitRun checkAndRecord(UnitJob job, ParsedFile[] parsed, LexicalIndex index) throws AnalysisException {
        List<Path> paths = job.unit().sources();
        List<UnitFacts> facts = new ArrayList<>();
        List<UnitRun.Source> sources = new ArrayList<>();
        for (int i = 0; i < parsed.length; i++) {
            ParsedFile pf = parsed[i];
            if (pf == null) {
                String file = run.relativizer().apply(paths.get(i));
                List<Suppression> sups = index.hasSuppression(i) ? run.suppressionsOf(paths.get(i)) : List.of();
                sources.add(new UnitRun.Source(file, false, true, 0, List.of(), sups));
                run.progress().fileDone(file, 0);
                continue;
            }
            sources.add(UnitRun.Source.of(pf));
            if (pf.facts() != null) {
                facts.add(pf.facts());
            }
        }
        Checked both = check(job, parsed, facts, index);
        Cancellation.check(run.progress()); // rules skipped by a cancel: no record of their findings
        ProgramCheck.Checked checked = both.checked();
        if (job.recordKey() != null) {
            RunRecord record = RunReuse.record(sources.stream().map(UnitRun.Source::file).toList(), both.recorded(),
                    sources.stream().map(UnitRun.Source::suppressions).toList(),
                    index, checked.findings(), checked.failures(), checked.idle(), job.cache());
            if (record != null) {
                record.write(job.cache(), job.recordKey());
            }
        }
        return new UnitRun(sources, checked.findings(), checked.failures(), checked.idle());
    }
}
