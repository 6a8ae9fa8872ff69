package io.github.dovelint.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.dovelint.rules.hookcontext.HookMaySleep;
import org.junit.jupiter.api.Test;

/** The rule catalog's package structure, checked on this module's main classes. */
class RulesArchitectureTest {

    /** This module's main classes only (checker-core's are checked by its own architecture test). */
    private static final JavaClasses RULES = new ClassFileImporter()
            .importUrl(HookMaySleep.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.github.dovelint.(**)").should().beFreeOfCycles().check(RULES);
    }

    /** The contract families, one package each; what they share is in {@code locks}. */
    private static final String[] FAMILIES = {"hookcontext", "filelock", "currenttask", "oobpointer", "fdtable",
        "oobstage"};

    @Test
    void contractFamiliesDependOnNoOtherFamily() {
        for (String family : FAMILIES) {
            String[] others = java.util.Arrays.stream(FAMILIES).filter(f -> !f.equals(family))
                    .map(f -> "io.github.dovelint.rules." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.github.dovelint.rules." + family + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(RULES);
        }
    }

    @Test
    void theRulesDependOnNoFrontEnd() {
        // the rules run inside the engine wherever it is embedded (CLI, Maven, Eclipse); CDT is allowed
        noClasses().that().resideInAPackage("io.github.dovelint..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.maven..", "org.eclipse.core..", "org.eclipse.ui..", "org.eclipse.lsp4j..",
                        "io.github.dovelint.cli..", "io.github.dovelint.maven..", "io.github.dovelint.eclipse..")
                .check(RULES);
    }
}
