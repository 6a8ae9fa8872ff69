package io.github.dovelint.engine;

import io.github.dovelint.cache.RunRecord;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/** How much of a unit's last run ({@link RunRecord}) this run can take: the answer of {@link ReuseCheck}. */
sealed interface Reuse {

    /** No record, or one that does not hold: the unit is parsed and checked in full. */
    record Full() implements Reuse {
    }

    /**
     * The record holds: its findings stand.
     *
     * @param sources      the record's sources, those changed brought up to date
     * @param changedFiles the names of those changed
     * @param parsedAgain  the names of those parsed again to compare their facts (their progress is told)
     */
    record Reused(RunRecord record, List<RunRecord.Source> sources, Set<String> changedFiles,
                  Set<String> parsedAgain) implements Reuse {
    }

    /**
     * The record holds if the unit's slice did not change: only files out of reach changed,
     * in what the lexical index sees. The index must be built again to know.
     *
     * @param sources      the record's sources, those changed brought up to date
     * @param changedFiles their names
     */
    record IfSameSlice(RunRecord record, List<RunRecord.Source> sources, Set<String> changedFiles)
            implements Reuse {

        /** The sources the record parsed: its slice. */
        BitSet slice() {
            BitSet out = new BitSet();
            for (int i = 0; i < record.sources().size(); i++) {
                if (!record.sources().get(i).outOfReach()) {
                    out.set(i);
                }
            }
            return out;
        }

        Reused confirmed() {
            return new Reused(record, sources, changedFiles, Set.of());
        }
    }
}
