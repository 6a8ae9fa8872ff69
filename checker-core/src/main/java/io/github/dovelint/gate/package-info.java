/**
 * The gate every front end applies to a run: {@link io.github.dovelint.gate.Gate}
 * takes an {@link io.github.dovelint.model.AnalysisResult} and
 * {@link io.github.dovelint.gate.GateSettings} (threshold, allowed violations,
 * baseline, changed lines) and returns a {@link io.github.dovelint.gate.GateResult}:
 * the findings kept, those the baseline accepted, its stale entries, and the
 * {@link io.github.dovelint.gate.Verdict}. Library code here never prints.
 */
package io.github.dovelint.gate;
