package io.github.dovelint.rules.oobstage;

import static io.github.dovelint.summary.EffectKind.CURRENT_FILES;
import static io.github.dovelint.summary.EffectKind.CURRENT_MM;
import static io.github.dovelint.summary.EffectKind.SLEEP;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.Roles;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Generation;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;

/**
 * Oob handlers never call in-band services (docs/contracts.md#c8-oob-handlers-never-call-in-band-services): the {@code .oob_read}, {@code .oob_write} and
 * {@code .oob_ioctl} handlers run on the oob stage, where in-band services
 * must not be used: nothing that may sleep (the in-band scheduler is not in
 * control), and no in-band VFS or mm state of the current task.
 *
 * <p>What the oob stage may use of the in-band VFS depends on the Dovetail generation
 * (docs/contracts.md#the-oob-pointer-across-dovetail-generations): from generation 2,
 * {@code fget()} and its kin are allowed, so a use of {@code current->files} that every
 * chain reaches only through one of the generation's allowed calls is not reported.
 * Sleeping and direct {@code current->files} / {@code current->mm} uses are reported in
 * every generation. The generation is the run's ({@link Generation}); every message names it.
 *
 * <p>What runs only behind a stage test saying in-band ({@code if (running_inband())},
 * {@code if (!running_oob())}) is never reached on the oob stage, so it is not reported.
 */
@RuleInfo(id = "DL401", name = "oob-handler-inband-call", severity = Severity.ERROR,
        summary = "An .oob_read, .oob_write or .oob_ioctl handler, or something it calls, makes an in-band "
                + "call that may sleep or uses current->files or current->mm.")
public final class OobHandlerInbandCall implements Rule {

    /** The handlers a driver installs for the out-of-band stage: where this rule starts. */
    private static final FunctionMatcher HANDLERS = FunctionMatcher.boundTo(kb -> kb.role(Roles.OOB_HANDLERS));
    /** What tells the generation under {@code profile: auto}: the code's oob pointer accesses. */
    private static final FunctionMatcher OOB_ACCESSORS = FunctionMatcher.accessingOobPointer();

    @Override
    public Scope scope() {
        return Scope.from(HANDLERS).readingAlso(Scope.from(OOB_ACCESSORS).callees(0));
    }

    @Override
    public void check(RuleContext context) {
        Generation generation = context.generation();
        String contract = " (" + generation.label() + ")";
        FilesAsKey keys = new FilesAsKey(context.callGraph());
        for (Reached reached : context.reachable(SLEEP, CURRENT_FILES, CURRENT_MM)
                .onOobStage()
                .avoiding(CURRENT_FILES, generation.oobStageAllows())
                .from(HANDLERS.select(context))) {
            if (readAsKey(context, keys, reached)) {
                continue;
            }
            context.report(reached, reached.site().description() + "; reachable from the oob "
                    + (reached.severalEntries() ? "handlers " : "handler ") + reached.entries()
                    + (reached.severalEntries() ? ", which run" : ", which runs") + " on the out-of-band stage"
                    + contract);
        }
    }

    /** A direct {@code current->files} read by a function that uses it only as a value ({@link FilesAsKey}). */
    private static boolean readAsKey(RuleContext context, FilesAsKey keys, Reached reached) {
        if (reached.site().kind() != CURRENT_FILES || reached.site().callee() != null) {
            return false;
        }
        for (FunctionFacts f : context.program().definitions(reached.site().function())) {
            if (f.currentUses().stream().anyMatch(u -> u.location().equals(reached.site().location()))) {
                return keys.onlyAsKey(f);
            }
        }
        return false;
    }
}
