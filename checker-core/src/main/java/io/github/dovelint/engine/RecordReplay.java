package io.github.dovelint.engine;

import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.model.Finding;
import java.util.List;

/**
 * A unit's run taken from its record. Takes a {@link Reuse.Reused} decision; gives the
 * {@link UnitRun}, the findings in changed files with their snippets read again. Tells the
 * progress listener of the sources not parsed, and writes the record again when sources
 * changed, so that the next run compares with what is there now.
 */
final class RecordReplay {

    private final RunContext run;

    RecordReplay(RunContext run) {
        this.run = run;
    }

    UnitRun replay(UnitJob job, Reuse.Reused reused) {
        RunRecord record = reused.record();
        for (RunRecord.Source s : reused.sources()) {
            if (!reused.parsedAgain().contains(s.file())) {
                run.progress().fileDone(s.file(), s.lines());
            }
        }
        List<Finding> findings = RunReuse.findings(record, reused.changedFiles(), run.snippets());
        if (!reused.changedFiles().isEmpty()) {
            new RunRecord(reused.sources(), record.headers(), findings, record.failures(), record.idle())
                    .write(job.cache(), job.recordKey());
        }
        return new UnitRun(reused.sources().stream().map(UnitRun.Source::of).toList(), findings, record.failures(),
                record.idle());
    }
}
