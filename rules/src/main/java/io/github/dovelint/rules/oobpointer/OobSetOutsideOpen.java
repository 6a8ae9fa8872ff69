package io.github.dovelint.rules.oobpointer;

import static io.github.dovelint.summary.EffectKind.OOB_CLEAR;
import static io.github.dovelint.summary.EffectKind.OOB_SET;

import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.model.Location;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.FunctionMatcher;
import io.github.dovelint.rules.Reached;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.rules.RuleContext;
import io.github.dovelint.rules.RuleInfo;
import io.github.dovelint.rules.Scope;
import java.util.HashSet;
import java.util.Set;

/**
 * Set before the fd is published (docs/contracts.md#c51-set-before-the-fd-is-published): the
 * driver sets the oob pointer in {@code .open}, or a core sets it on a file it creates before the
 * {@code fd_install()} that publishes it. Set later, the install hook already ran and missed the
 * file. {@code .release} may clear it.
 *
 * <p>A write belongs to the code that runs it: the rule starts from the entry points that run
 * once the file is installed ({@link LateEntries}) and reports where such an entry sets or
 * clears the pointer, itself or through the helpers it calls ({@link LateWrites}). A helper that
 * sets the pointer (EVL's {@code evl_open_file()}) is correct in itself: the finding, if any, is
 * at the call of the entry that makes it late. Writes reachable from a hook are DL202's.
 */
@RuleInfo(id = "DL204", name = "oob-set-outside-open", severity = Severity.ERROR,
        summary = "The file's oob pointer is assigned after the fd was installed: outside the driver's "
                + ".open handler and not before the fd_install() that publishes the file.")
public final class OobSetOutsideOpen implements Rule {

    @Override
    public Scope scope() {
        return Scope.from(FunctionMatcher.hooks())
                .and(Scope.from(FunctionMatcher.accessingOobPointer()).callers(Scope.ALL).callees(0))
                .and(Scope.from(OobMatchers.CALLING_CORE_HELPERS).callers(Scope.ALL).callees(0));
    }

    @Override
    public void check(RuleContext context) {
        LateWrites writes = new LateWrites(context);
        if (!writes.any()) {
            return; // most of a tree: spares the whole-program reachability below
        }
        Set<Location> fromHooks = new HashSet<>();
        for (Reached r : context.reachable(OOB_SET, OOB_CLEAR).from(context.hooks())) {
            fromHooks.add(r.site().location());
        }
        Set<Location> reported = new HashSet<>();
        for (FunctionFacts entry : LateEntries.of(context)) {
            for (LateWrites.Late late : writes.from(entry)) {
                if (fromHooks.contains(late.site().location()) || !reported.add(late.at())) {
                    continue;
                }
                context.report(late.at(), entry.name(), message(entry, late), java.util.List.of(late.chain()));
            }
        }
    }

    private static String message(FunctionFacts entry, LateWrites.Late late) {
        String what = late.direct() ? late.site().description()
                : "reaches " + late.site().function() + "(), which " + late.site().description()
                        + " (" + late.site().location().file() + ":" + late.site().location().line() + ")";
        if (late.site().kind() == OOB_CLEAR) {
            return entry.name() + "() " + what + " outside the driver's .open and .release handlers; "
                    + "only .release may clear it";
        }
        return entry.name() + "() " + what + " after the fd was installed: install_inband_fd() already ran "
                + "for it and missed it (set it in .open, or before fd_install())";
    }
}
