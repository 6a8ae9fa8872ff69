package io.github.dovelint.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Reporting the findings of both configurations once, naming the configuration of those only one shows. */
class ConfigFindingsTest {

    private static final String HOOKS = """
            void install_inband_fd(void)
            {
            #ifdef CONFIG_A
            	msleep(1);
            #else
            	ssleep(1);
            #endif
            	helper();
            }
            """;
    private static final String HELPER = """
            void helper(void)
            {
            	mutex_lock(&m);
            }
            """;

    private final ConfigFindings merge = new ConfigFindings(
            file -> Optional.ofNullable(Map.of("hooks.c", HOOKS, "helper.c", HELPER).get(file)),
            file -> file.equals("hooks.c") ? new TreeSet<>(List.of("CONFIG_A", "CONFIG_B")) : new TreeSet<>());

    private static Finding at(String file, int line, String message, ChainStep... steps) {
        return new Finding("DL101", "hook-may-sleep", Severity.ERROR, message, new Location(file, line, 2),
                "f", "", steps.length == 0 ? List.of() : List.of(new CallChain("install_inband_fd", List.of(steps))));
    }

    @Test
    void aFindingBothShowIsReportedOnceAsItIs() {
        Finding same = at("helper.c", 3, "mutex_lock() may sleep");
        assertEquals(List.of(same), merge.merge(List.of(same), List.of(same)));
    }

    @Test
    void aFindingOneShowsNamesTheOptionsAroundIt() {
        Finding given = at("hooks.c", 6, "ssleep() may sleep");
        Finding defined = at("hooks.c", 4, "msleep() may sleep");
        List<Finding> out = merge.merge(List.of(given), List.of(defined));
        assertEquals(List.of("ssleep() may sleep (only with CONFIG_A undefined)",
                "msleep() may sleep (only with CONFIG_A defined)"), out.stream().map(Finding::message).toList());
    }

    @Test
    void theChainStepsAreConditionalsToo() {
        Finding defined = at("helper.c", 3, "mutex_lock() may sleep",
                new ChainStep(new Location("hooks.c", 1, 6), "entry"),
                new ChainStep(new Location("hooks.c", 4, 2), "calls"),
                new ChainStep(new Location("helper.c", 3, 2), "sleeps"));
        assertEquals("mutex_lock() may sleep (only with CONFIG_A defined)",
                merge.merge(List.of(), List.of(defined)).get(0).message());
    }

    @Test
    void withoutConditionalsAroundTheFileOptionsAreNamed() {
        Finding defined = at("hooks.c", 8, "helper() may sleep");
        assertEquals("helper() may sleep (only with CONFIG_A, CONFIG_B defined)",
                merge.merge(List.of(), List.of(defined)).get(0).message());
    }

    @Test
    void withNoOptionKnownTheConfigurationIsDescribed() {
        Finding defined = at("helper.c", 3, "mutex_lock() may sleep");
        assertEquals("mutex_lock() may sleep (only with every CONFIG_* option its files test defined)",
                merge.merge(List.of(), List.of(defined)).get(0).message());
    }

    @Test
    void manyOptionsAreCounted() {
        SortedSet<String> names = new TreeSet<>(List.of("CONFIG_A", "CONFIG_B", "CONFIG_C", "CONFIG_D", "CONFIG_E",
                "CONFIG_F"));
        assertEquals("CONFIG_A, CONFIG_B, CONFIG_C, CONFIG_D and 2 more", ConfigFindings.named(names));
    }

    private static CallChain chain(String entry, String file, int line) {
        return new CallChain(entry, List.of(new ChainStep(new Location(file, 1, 6), entry + "() is the entry point"),
                new ChainStep(new Location(file, line, 2), "calls helper()"),
                new ChainStep(new Location("helper.c", 3, 2), "mutex_lock() may sleep")));
    }

    private static Finding reached(String message, CallChain... chains) {
        return new Finding("DL401", "oob-handler-inband-call", Severity.ERROR, message, new Location("helper.c", 3, 2),
                "helper", "", List.of(chains));
    }

    @Test
    void aSiteReachedFromOtherEntriesInTheOtherConfigurationIsOneFinding() {
        // a_oob_read() calls helper() only with CONFIG_A defined (hooks.c:4), b_oob_read() always
        Finding given = reached("mutex_lock() may sleep; reachable from b_oob_read()", chain("b_oob_read", "hooks.c", 8));
        Finding defined = reached("mutex_lock() may sleep; reachable from a_oob_read() and b_oob_read()",
                chain("a_oob_read", "hooks.c", 4), chain("b_oob_read", "hooks.c", 8));
        List<Finding> merged = merge.merge(List.of(given), List.of(defined));
        assertEquals(1, merged.size(), merged::toString);
        assertEquals("mutex_lock() may sleep; reachable from b_oob_read() (from a_oob_read() too with CONFIG_A defined)",
                merged.get(0).message());
        assertEquals(List.of("b_oob_read", "a_oob_read"), merged.get(0).chains().stream().map(CallChain::entry).toList());
    }

    @Test
    void entriesOnlyTheGivenConfigurationHasAreSaid() {
        Finding given = reached("mutex_lock() may sleep; reachable from a_oob_read() and b_oob_read()",
                chain("a_oob_read", "hooks.c", 6), chain("b_oob_read", "hooks.c", 8));
        Finding defined = reached("mutex_lock() may sleep; reachable from b_oob_read()", chain("b_oob_read", "hooks.c", 8));
        assertEquals(List.of("mutex_lock() may sleep; reachable from a_oob_read() and b_oob_read() (from a_oob_read() "
                + "only with CONFIG_A undefined)"), merge.merge(List.of(given), List.of(defined)).stream()
                .map(Finding::message).toList());
    }

    @Test
    void anotherEffectAtTheSameCallStaysAnotherFinding() {
        Finding sleeps = reached("copy_to_user() may sleep; reachable from b_oob_read()", chain("b_oob_read", "hooks.c", 8));
        CallChain mm = new CallChain("b_oob_read", List.of(new ChainStep(new Location("hooks.c", 1, 6), "entry"),
                new ChainStep(new Location("helper.c", 3, 2), "copy_to_user() uses current->mm")));
        Finding usesMm = reached("copy_to_user() uses current->mm; reachable from b_oob_read()", mm);
        assertEquals(2, merge.merge(List.of(sleeps), List.of(usesMm)).size());
    }
}
