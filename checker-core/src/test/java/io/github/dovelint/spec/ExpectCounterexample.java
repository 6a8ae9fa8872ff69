package io.github.dovelint.spec;

import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * For properties run against a faulty core: the property must fail, and its
 * shrunk counterexample must be a short scenario (at most {@link #MAX_OPS}
 * operations). Prints the counterexample as a scenario; the property passes
 * when all of that holds.
 */
public class ExpectCounterexample implements AroundPropertyHook {

    static final int MAX_OPS = 4;

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        String name = context.label();
        if (result.status() != PropertyExecutionResult.Status.FAILED) {
            return result.mapToFailed(name + ": expected the faulty core to be found, but "
                    + result.countChecks() + " tries passed");
        }
        List<Object> sample = result.shrunkSample().map(net.jqwik.api.lifecycle.FalsifiedSample::parameters)
                .or(result::falsifiedParameters).orElse(List.of());
        int steps = result.shrunkSample().map(net.jqwik.api.lifecycle.ShrunkFalsifiedSample::countShrinkingSteps).orElse(0);
        int original = result.originalSample().map(o -> ((Run) o.parameters().get(0)).choices().size()).orElse(-1);
        if (sample.isEmpty() || !(sample.get(0) instanceof Run run)) {
            return result.mapToFailed(name + ": no counterexample");
        }
        // jqwik shrinks the choices; removing the operations that do not matter any more makes it readable
        String core = context.findAnnotation(FaultyCore.class).map(FaultyCore::value).orElseThrow();
        List<RandomOps.Choice> minimal = RandomOps.minimize(run.choices(), () -> FaultyCores.byName(core));
        List<Op> ops = RandomOps.resolveAll(minimal);
        String message = RandomOps.run(minimal, FaultyCores.byName(core), false).map(RandomOps.Failure::message).orElse("?");
        System.out.println("[spec] " + name + ": counterexample shrunk in " + steps + " steps from " + original
                + " choices to " + RandomOps.resolveAll(run.choices()).size() + " operations, minimized to " + ops.size() + ":\n"
                + indent(Scenario.format(ops)) + "  broken: " + message.replace("\n", "\n  "));
        if (ops.size() > MAX_OPS) {
            return result.mapToFailed(name + ": counterexample too long (" + ops.size() + " operations):\n"
                    + Scenario.format(ops));
        }
        return result.mapToSuccessful();
    }

    private static String indent(String s) {
        return "    " + s.strip().replace("\n", "\n    ") + "\n";
    }
}
