package io.github.dovelint.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Callee;
import io.github.dovelint.facts.CurrentUse;
import io.github.dovelint.facts.FunctionFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stage test keeps in-band, on a function's control-flow graph (docs/contracts.md#c8-oob-handlers-never-call-in-band-services). */
class StageGuardsTest {

    @TempDir
    Path tmp;

    private static final Set<String> INBAND = Set.of("running_inband");
    private static final Set<String> OOB = Set.of("running_oob");

    private FunctionFacts function(String body) throws Exception {
        return TestRun.in(tmp).file("a.c", "long handler(int busy, int force)\n{\n" + body + "}\n").run()
                .function("handler");
    }

    /** The callees of {@code f} whose calls the guards keep in-band, sorted. */
    private static Set<String> inbandOnly(FunctionFacts f) {
        return inbandOnly(f, Set.of());
    }

    private static Set<String> inbandOnly(FunctionFacts f, Set<String> switches) {
        StageGuards guards = StageGuards.of(f, INBAND, OOB, switches);
        Set<String> out = new TreeSet<>();
        for (CallFact c : f.calls()) {
            if (c.callee() instanceof Callee.Named n && guards.inbandOnly(c.location())) {
                out.add(n.name());
            }
        }
        return out;
    }

    @Test
    void whatOnlyAnInbandSideReachesIsInbandOnly() throws Exception {
        FunctionFacts f = function("""
                	if (running_inband())
                		in1();
                	if (!running_oob())
                		in2();
                	if (running_oob())
                		oob1();
                	if (running_inband() && busy)
                		in3();
                	if (running_inband() || force)
                		oob2();
                	if (unlikely(running_oob() || hard_irqs_disabled()))
                		oob3();
                	else
                		in4();
                	both();
                	if (!running_inband())
                		return oob4();
                	in5();
                	return 0;
                """);
        assertEquals(Set.of("in1", "in2", "in3", "in4", "in5"), inbandOnly(f));
    }

    @Test
    void aMemberReadBehindTheTestIsInbandOnlyToo() throws Exception {
        FunctionFacts f = function("""
                	if (running_inband())
                		return current->mm != 0;
                	return current->files != 0;
                """);
        StageGuards guards = StageGuards.of(f, INBAND, OOB, Set.of());
        List<String> inband = f.currentUses().stream().filter(u -> guards.inbandOnly(u.location()))
                .map(CurrentUse::field).toList();
        assertEquals(List.of("mm"), inband);
    }

    @Test
    void withoutAStageTestNothingIsInbandOnly() throws Exception {
        FunctionFacts f = function("""
                	if (busy)
                		return sleepy();
                	if (in_atomic())
                		return 1;
                	return other();
                """);
        assertSame(StageGuards.NONE, StageGuards.of(f, INBAND, OOB, Set.of()));
    }

    @Test
    void whatFollowsASwitchToTheInbandStageIsInbandOnly() throws Exception {
        // EVL's thread cancellation: evl_switch_inband() then do_exit(); a switch on one branch only
        FunctionFacts f = function("""
                	before();
                	if (busy)
                		evl_switch_inband(0);
                	maybe_after();
                	if (force) {
                		evl_switch_inband(0);
                		after();
                	}
                	evl_switch_inband(1); last();
                	return 0;
                """);
        assertEquals(Set.of("after", "last"), inbandOnly(f, Set.of("evl_switch_inband")));
        assertSame(StageGuards.NONE, StageGuards.of(f, INBAND, OOB, Set.of()));
    }
}
