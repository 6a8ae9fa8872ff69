package io.github.dovelint.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.spec.gen.ContractTableGenerator;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules' assumptions against the contract table generated from the spec. */
class HookContractsTest {

    private final ContractTable table = ContractTable.get();

    @Test
    void theRulesAssumptionsAgreeWithTheGeneratedTable() {
        List<String> disagreements = new ArrayList<>();
        for (Hook h : Hook.values()) {
            if (HookContracts.mayRunAtomic(h) != table.mayRunAtomic(h)) {
                disagreements.add("DL101 assumes " + h.function() + (HookContracts.mayRunAtomic(h) ? " may" : " never")
                        + " run(s) atomic; the spec says " + table.mayRunAtomic(h));
            }
            if (HookContracts.mayRunWithForeignFiles(h) != table.mayRunWithForeignFiles(h)) {
                disagreements.add("DL104 assumes current->files of " + h.function()
                        + (HookContracts.mayRunWithForeignFiles(h) ? " may" : " cannot") + " be NULL or unrelated; the spec says "
                        + table.mayRunWithForeignFiles(h));
            }
            if (HookContracts.fileLockAlwaysHeld(h) != table.fileLockAlwaysHeld(h)) {
                disagreements.add("DL103 assumes file_lock is" + (HookContracts.fileLockAlwaysHeld(h) ? "" : " not")
                        + " always held on " + h.function() + "; the spec says " + table.fileLockAlwaysHeld(h));
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theGeneratedTableIsWhatTheAnnotationsSay() throws Exception {
        // the build-time table (JavaParser over the source) and the annotations read by reflection agree
        List<String> reflected = new ArrayList<>();
        for (Hook h : Hook.values()) {
            Method m = InbandFdHooks.class.getMethod(h.shortName(), int.class, FileRef.class, int.class);
            for (CallSite cs : m.getAnnotationsByType(CallSite.class)) {
                reflected.add(h + "|" + cs.site() + "|" + cs.fileLock() + "|" + cs.preemptible() + "|" + cs.current() + "|" + cs.why());
            }
        }
        List<String> generated = table.rows().stream().filter(r -> r.hook() != null)
                .map(r -> r.hook() + "|" + r.site() + "|" + r.fileLock() + "|" + r.preemptible() + "|" + r.current() + "|" + r.why())
                .sorted().toList();
        assertEquals(reflected.stream().sorted().toList(), generated);
        assertEquals(1, table.rows().stream().filter(r -> r.hook() == null).count(), "dup_fd() calls no hook");
        for (Site s : Site.values()) {
            assertTrue(table.row(s.hook(), s.label()).isPresent(), "the model's site " + s.label() + " is declared");
        }
    }

    @Test
    void theTableSaysWhatContractsMdSays() {
        assertTrue(table.mayRunAtomic(Hook.INSTALL) && table.mayRunAtomic(Hook.REPLACE) && table.mayRunAtomic(Hook.UNINSTALL));
        assertTrue(table.mayRunWithForeignFiles(Hook.UNINSTALL));
        assertTrue(!table.mayRunWithForeignFiles(Hook.INSTALL) && !table.mayRunWithForeignFiles(Hook.REPLACE));
        assertTrue(table.fileLockAlwaysHeld(Hook.REPLACE));
        assertTrue(!table.fileLockAlwaysHeld(Hook.INSTALL) && !table.fileLockAlwaysHeld(Hook.UNINSTALL));
        String why = ContractTable.whyMarkdown();
        assertTrue(why.contains("### uninstall_inband_fd()") && why.contains("close_files() at exit"), why);
        assertTrue(table.render().contains("uninstall_inband_fd  close_files() at exit"), table.render());
    }

    @Test
    void theGeneratorReadsTheSourceAndLocatesMistakes() throws Exception {
        String src = Files.readString(Path.of("src/main/java/io/github/dovelint/spec/InbandFdHooks.java"));
        ContractTableGenerator.Generated g = ContractTableGenerator.generate("InbandFdHooks.java", src);
        assertEquals(ContractTable.resource("contracts.tsv"), g.tsv(), "target/classes is stale: rebuild");
        String broken = src.replace("fileLock = true, preemptible = false, current = CurrentFiles.SAME,\n            why = \"do_dup2()",
                "fileLock = maybe, preemptible = false, current = CurrentFiles.SAME,\n            why = \"do_dup2()");
        RuntimeException e = assertThrows(RuntimeException.class, () -> ContractTableGenerator.generate("InbandFdHooks.java", broken));
        assertTrue(e.getMessage().matches("InbandFdHooks\\.java:\\d+:\\d+: 'fileLock' must be true or false"), e.getMessage());
        String noDoc = src.replace("    /**\n     * replace_inband_fd() runs", "    /*\n     * replace_inband_fd() runs");
        e = assertThrows(RuntimeException.class, () -> ContractTableGenerator.generate("InbandFdHooks.java", noDoc));
        assertTrue(e.getMessage().contains("hook method 'replace' has no Javadoc"), e.getMessage());
    }
}
