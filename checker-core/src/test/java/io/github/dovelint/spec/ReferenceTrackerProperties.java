package io.github.dovelint.spec;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property tests of the reference tracker: random multi-task operation
 * sequences, invariants after every step. The reference core keeps them; each
 * faulty core is found, with a short shrunk counterexample printed as a
 * scenario. The faulty-core properties use a fixed seed, so that the
 * counterexamples CI prints are the same every run; the reference core's
 * property draws new sequences every run.
 */
class ReferenceTrackerProperties {

    @Provide
    Arbitrary<Run> runs() {
        Arbitrary<RandomOps.Choice> choice = Combinators.combine(
                Arbitraries.integers().between(0, RandomOps.KINDS - 1),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, RandomOps.FDS - 1),
                Arbitraries.integers().between(0, RandomOps.FDS - 1),
                Arbitraries.of(false, true),
                Arbitraries.of(false, true)).as(RandomOps.Choice::new);
        return choice.list().ofMinSize(1).ofMaxSize(40).map(Run::new);
    }

    static void holds(Run run, CompanionCore core) {
        Optional<RandomOps.Failure> f = RandomOps.run(run.choices(), core, false);
        if (f.isPresent()) {
            throw new AssertionError("step " + f.get().step() + ": " + f.get().message());
        }
    }

    @Property(tries = 1500)
    void referenceCoreKeepsTheInvariants(@ForAll("runs") Run run) {
        holds(run, new ReferenceCore());
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.FULL, seed = "20261121")
    @AddLifecycleHook(ExpectCounterexample.class)
    @FaultyCore("stale-replace")
    void staleReplaceIsFound(@ForAll("runs") Run run) {
        holds(run, new FaultyCores.StaleReplace());
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.FULL, seed = "20261121")
    @AddLifecycleHook(ExpectCounterexample.class)
    @FaultyCore("strict-uninstall")
    void strictUninstallIsFound(@ForAll("runs") Run run) {
        holds(run, new FaultyCores.StrictUninstall());
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.FULL, seed = "20261121")
    @AddLifecycleHook(ExpectCounterexample.class)
    @FaultyCore("oob-blind-install")
    void oobBlindInstallIsFound(@ForAll("runs") Run run) {
        holds(run, new FaultyCores.OobBlindInstall());
    }
}
