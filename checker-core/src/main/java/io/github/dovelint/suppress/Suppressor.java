package io.github.dovelint.suppress;

import io.github.dovelint.model.Finding;
import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.RuleDescriptors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies suppressions to findings and reports the suppressions that are
 * themselves wrong: without a reason (DL001: they silence nothing) or
 * silencing nothing (DL002).
 */
public final class Suppressor {

    public static final RuleDescriptor WITHOUT_REASON = RuleDescriptors.of(SuppressionWithoutReason.class);
    public static final RuleDescriptor UNUSED = RuleDescriptors.of(UnusedSuppression.class);

    private Suppressor() {
    }

    /** The findings that survive, plus the DL001/DL002 findings about the suppressions. */
    public static List<Finding> apply(List<Finding> findings, List<Suppression> suppressions) {
        List<Finding> kept = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Finding f : findings) {
            Suppression by = null;
            for (Suppression s : suppressions) {
                if (s.hasReason() && s.covers(f.location().file(), f.location().line(), f.ruleId())) {
                    by = s;
                    break;
                }
            }
            if (by == null) {
                kept.add(f);
            } else {
                used.add(by);
            }
        }
        for (Suppression s : suppressions) {
            String ids = String.join(", ", s.ruleIds());
            if (!s.hasReason()) {
                kept.add(meta(WITHOUT_REASON, s, SuppressionSyntax.directiveWithoutReason(ids)
                        + " has no reason; write '" + SuppressionSyntax.directive(ids, SuppressionSyntax.EXAMPLE_REASON)
                        + "'"));
            } else if (!used.contains(s)) {
                kept.add(meta(UNUSED, s, SuppressionSyntax.directiveWithoutReason(ids)
                        + " suppresses nothing on this line or the next; remove it"));
            }
        }
        return kept;
    }

    private static Finding meta(RuleDescriptor rule, Suppression s, String message) {
        Severity severity = rule.defaultSeverity();
        return new Finding(rule.id(), rule.name(), severity, message, s.location(), "", s.snippet(), List.of());
    }
}
