package io.github.dovelint.kerneldb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled kernel.yml holds only what derivation cannot see (docs/kernel-db.md#curated): every
 * entry says why it is kept, and none says exactly what every shipped database derives.
 */
class CuratedEntriesTest {

    @Test
    void everyEntrySaysWhyItIsKept() throws Exception {
        List<String> unsaid = new ArrayList<>();
        for (FunctionSpec spec : KnowledgeBase.bundled().functions().values()) {
            if (spec.kept().isEmpty()) {
                unsaid.add(spec.name());
            }
        }
        assertEquals(List.of(), unsaid, "kernel.yml entries without 'kept'");
    }

    @Test
    void noEntryRepeatsWhatEveryShippedDatabaseDerives() throws Exception {
        KnowledgeBase curated = KnowledgeBase.bundled();
        Set<String> repeatedByAll = null;
        for (String name : KernelDbChoice.SHIPPED) {
            KernelDb db = KernelDbs.load(KernelDbChoice.shipped(name), name);
            Set<String> repeated = new LinkedHashSet<>(Disagreements.repeated(curated, db.facts()));
            if (repeatedByAll == null) {
                repeatedByAll = repeated;
            } else {
                repeatedByAll.retainAll(repeated);
            }
        }
        assertEquals(Set.of(), repeatedByAll, "entries to remove from kernel.yml");
    }

    @Test
    void anEntryADatabaseDerivesAlikeIsListed() throws Exception {
        KnowledgeBase curated = KnowledgeBase.bundled();
        // Linux 6.1's __fdget() is a function of fs/file.c, derived as kernel.yml says: kept for
        // code written for 6.1 that a run checks against the default 6.12 database, which lacks it
        KernelDb db = KernelDbs.load(KernelDbChoice.shipped("linux-6.1"), "linux-6.1");
        assertTrue(Disagreements.repeated(curated, db.facts()).contains("__fdget (uses: current-files)"),
                () -> Disagreements.repeated(curated, db.facts()).toString());
    }
}
