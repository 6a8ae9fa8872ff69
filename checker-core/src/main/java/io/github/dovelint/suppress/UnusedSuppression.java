package io.github.dovelint.suppress;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.RuleInfo;

/** DL002's declaration; the engine itself reports it while applying suppressions. */
@RuleInfo(id = "DL002", name = "unused-suppression", severity = Severity.WARNING,
        summary = "A dovelint-ignore comment suppresses no finding on its line or the next.")
public final class UnusedSuppression {
    private UnusedSuppression() {
    }
}
