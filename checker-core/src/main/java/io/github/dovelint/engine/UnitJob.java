package io.github.dovelint.engine;

import io.github.dovelint.cache.FactCache;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.parse.ParseOptions;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.slice.Slicer;
import java.util.List;
import java.util.Set;

/**
 * One program unit made ready to run ({@link UnitJobs}).
 *
 * @param kb        the unit's knowledge base (the run's, under the unit's configuration)
 * @param options   how its sources are parsed
 * @param cache     its fact cache, or null without a cache folder
 * @param rules     the rules its configuration leaves on
 * @param specs     the rules' reach when the unit is sliced, else null (every source is parsed)
 * @param recordKey the key of its run record, or null when it has none (no cache, or a
 *                  knowledge base built in code, which has no origin to key on)
 * @param oobFields the fields the knowledge base marks as sized by untrusted data
 * @param configPass whether the files the rules reach are also analysed with the {@code CONFIG_*}
 *                  options they test defined ({@link ConfigPass}): when no real configuration
 *                  was given
 */
record UnitJob(ProgramUnit unit, KnowledgeBase kb, ParseOptions options, FactCache cache, List<Rule> rules,
               List<Slicer.Spec> specs, String recordKey, Set<String> oobFields, boolean configPass) {

    boolean sliced() {
        return specs != null;
    }
}
