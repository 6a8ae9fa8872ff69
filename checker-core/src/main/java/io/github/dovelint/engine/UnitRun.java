package io.github.dovelint.engine;

import io.github.dovelint.cache.RunRecord;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Problem;
import io.github.dovelint.suppress.Suppression;
import java.util.List;
import java.util.Map;

/**
 * What a unit's run gives the report: per source (in the unit's order), then the unit's
 * findings (before suppressions and severities), failures, and the rules that had nothing to check
 * in it (by id, with what the unit lacks).
 */
record UnitRun(List<Source> sources, List<Finding> findings, List<Problem> failures, Map<String, String> idle) {

    /**
     * One source's part of a report.
     *
     * @param suppressions its dovelint-ignore comments; null when it could not be analysed
     */
    record Source(String file, boolean analysed, boolean outOfReach, long lines, List<Problem> problems,
                  List<Suppression> suppressions) {

        static Source of(ParsedFile pf) {
            return new Source(pf.file(), pf.facts() != null, false, pf.lines(), pf.problems(), pf.suppressions());
        }

        static Source of(RunRecord.Source s) {
            return new Source(s.file(), s.factsDigest() != null, s.outOfReach(), s.lines(), s.problems(),
                    s.suppressions());
        }
    }
}
