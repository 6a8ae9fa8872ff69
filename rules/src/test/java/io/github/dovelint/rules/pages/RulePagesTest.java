package io.github.dovelint.rules.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.rules.RulePages;
import io.github.dovelint.spec.ContractTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule has a complete page, and the context tables in pages come from the spec. */
class RulePagesTest {

    private static final List<String> SECTIONS = List.of("## Why", "## Bad", "## Good", "## How to fix", "## Suppress");

    @Test
    void everyRuleHasAPageWithEverySection() {
        List<String> missing = new ArrayList<>();
        for (RuleDescriptor d : Analyzer.catalog()) {
            String page = d.page();
            if (!page.startsWith("# " + d.id() + " " + d.name() + "\n")) {
                missing.add(d.id() + ": title line");
            }
            for (String section : SECTIONS) {
                if (!page.contains("\n" + section)) {
                    missing.add(d.id() + ": " + section);
                }
            }
            if (d.fullDescription().isBlank()) {
                missing.add(d.id() + ": summary paragraph");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void contextTablesAreTheSpecsCallSites() {
        for (String id : List.of("DL101", "DL103", "DL104")) {
            String page = Analyzer.catalog().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().page();
            assertFalse(page.contains(RulePages.CALL_SITES), id + " still has the placeholder");
            for (ContractTable.Row row : ContractTable.get().rows()) {
                assertTrue(page.contains("`" + row.site() + "`"), id + " lacks the call site " + row.site());
            }
        }
    }

    /** The rules issue 16 changed say how they read scope-based cleanup, both sides of #ifdef and helpers. */
    @Test
    void pagesOfTheRulesThatReadModernKernelCodeSayHow() {
        List<String> missing = new ArrayList<>();
        expect(missing, "DL101", "guard(mutex)", "scoped_guard(", "(only with CONFIG_", "docs/configurations.md",
                "chain of helpers");
        expect(missing, "DL102", "guard(spinlock)(&files->file_lock)", "scoped_guard(", "(only with CONFIG_",
                "through a helper");
        expect(missing, "DL104", "CLASS(fd, f)(fd)", "(only with CONFIG_", "something it calls");
        expect(missing, "DL106", "scoped_guard(", "(only with CONFIG_");
        expect(missing, "DL201", "is_oob(", "predicate", "accessor", "scoped_guard()", "(only with CONFIG_");
        expect(missing, "DL203", "__free(kfree)", "no_free_ptr(", "return_ptr(", "(only with CONFIG_");
        assertEquals(List.of(), missing);
    }

    private static void expect(List<String> missing, String id, String... phrases) {
        String page = Analyzer.catalog().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().page();
        for (String phrase : phrases) {
            if (!page.contains(phrase)) {
                missing.add(id + ": " + phrase);
            }
        }
    }
}
