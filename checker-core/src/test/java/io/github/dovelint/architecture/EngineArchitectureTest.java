package io.github.dovelint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.dovelint.Analyzer;
import org.junit.jupiter.api.Test;

/** The engine's package structure, checked on checker-core's main classes. */
class EngineArchitectureTest {

    /**
     * checker-core's own main classes only: the test class path also holds the
     * tests and build-tools (whose generator shares the io.github.dovelint prefix).
     */
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .importUrl(Analyzer.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        // a cycle makes packages impossible to understand, test or move apart one at a time
        slices().matching("io.github.dovelint.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void packagesAndTheApiPackageAreFreeOfCycles() {
        // The pattern above makes no slice of io.github.dovelint itself (Analyzer): this one does, so
        // nothing the facade uses may use it back. The value types every layer shares (Finding,
        // Location...) live in io.github.dovelint.model for that reason, and depend on nothing here.
        slices().assignedFrom(TOP_LEVEL_PACKAGES).should().beFreeOfCycles().check(ENGINE);
    }

    /** One slice per package directly under io.github.dovelint (with its subpackages), one for the API package. */
    private static final SliceAssignment TOP_LEVEL_PACKAGES = new SliceAssignment() {
        private static final String ROOT = "io.github.dovelint";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of(ROOT);
            }
            if (p.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(p.substring(ROOT.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages directly under " + ROOT + " and " + ROOT + " itself";
        }
    };

    @Test
    void theModelDependsOnNothingElseHere() {
        classes().that().resideInAPackage("io.github.dovelint.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.github.dovelint.model..", "java..")
                .check(ENGINE);
    }

    @Test
    void theEngineDependsOnNoFrontEnd() {
        // the CLI, the Maven plugin and the Eclipse plugin wrap the engine, never the reverse; the
        // engine runs without Maven or an Eclipse workbench. Eclipse CDT (the C parser) is allowed.
        noClasses().that().resideInAPackage("io.github.dovelint..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.maven..", "org.eclipse.core..", "org.eclipse.ui..", "org.eclipse.lsp4j..",
                        "io.github.dovelint.cli..", "io.github.dovelint.maven..", "io.github.dovelint.eclipse..")
                .check(ENGINE);
    }
}
