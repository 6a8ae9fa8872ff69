package io.github.dovelint.suppress;

import io.github.dovelint.model.Severity;
import io.github.dovelint.rules.RuleInfo;

/** DL001's declaration; the engine itself reports it while applying suppressions. */
@RuleInfo(id = "DL001", name = "suppression-without-reason", severity = Severity.ERROR,
        summary = "A dovelint-ignore comment gives no reason, so it suppresses nothing.")
public final class SuppressionWithoutReason {
    private SuppressionWithoutReason() {
    }
}
