package io.github.dovelint.spec;

import java.util.Optional;

/**
 * Replays a scenario on the VFS model and a core, and explains it: for each
 * operation, what it returned, the hook calls with their entry contexts, what
 * the kernel did without a hook, and the core's index afterwards; the
 * invariants are checked after every step and the first violation ends it.
 */
public final class Explainer {

    /** The explanation and whether every invariant held. */
    public record Result(String text, boolean ok) {
    }

    private Explainer() {
    }

    public static Result explain(Scenario scenario, CompanionCore core) throws ScenarioException {
        Vfs vfs = new Vfs();
        StringBuilder out = new StringBuilder();
        RuntimeException[] crash = new RuntimeException[1];
        vfs.listen(call -> {
            if (crash[0] == null) {
                try {
                    ReferenceCore.deliver(core, call);
                } catch (RuntimeException e) {
                    crash[0] = e;
                }
            }
        });
        out.append("start: T1:F1[]").append(core instanceof ReferenceCore && core.getClass() == ReferenceCore.class
                ? "" : " (core: " + core.name() + ")").append('\n');
        int n = 0;
        for (Scenario.Step step : scenario.steps()) {
            n++;
            Vfs.Outcome outcome;
            try {
                outcome = vfs.apply(step.op());
            } catch (OpException e) {
                throw new ScenarioException(scenario.source(), step.line(), step.column(e.argument()), e.getMessage());
            }
            out.append(n).append(". ").append(step.op().line()).append(" -> ").append(outcome.result()).append('\n');
            for (Vfs.Event e : outcome.events()) {
                if (e instanceof Vfs.Called c) {
                    HookCall call = c.call();
                    HookContext ctx = call.context();
                    out.append("   ").append(call.call()).append('\n');
                    out.append("      at ").append(ctx.site().label())
                            .append(": file_lock ").append(ctx.fileLock() ? "held" : "not held")
                            .append(", ").append(ctx.preemptible() ? "preemptible" : "preemption off")
                            .append(", current->files ").append(ctx.current() == CurrentFiles.SAME ? "== files"
                                    : ctx.current() == CurrentFiles.NULL ? "== NULL" : "is another table")
                            .append(" (").append(ctx.task()).append(")\n");
                } else if (e instanceof Vfs.Note note) {
                    out.append("   - ").append(note.text()).append('\n');
                }
            }
            out.append("   tables: ").append(vfs.describeTables().isEmpty() ? "(no task left)" : vfs.describeTables())
                    .append('\n');
            out.append("   index: ").append(CompanionCore.render(core.index())).append('\n');
            Optional<String> broken = crash[0] != null
                    ? Optional.of("the core crashed: " + crash[0].getMessage())
                    : Invariants.check(vfs, core);
            if (broken.isPresent()) {
                out.append("   INVARIANT BROKEN at step ").append(n).append(" (").append(scenario.source()).append(':')
                        .append(step.line()).append("): ").append(broken.get()).append('\n');
                out.append("   a correct core would hold: ").append(CompanionCore.render(vfs.expectedIndex())).append('\n');
                return new Result(out.toString(), false);
            }
        }
        return new Result(out.toString(), true);
    }
}
