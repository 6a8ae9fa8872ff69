/**
 * Turns an {@link io.github.dovelint.model.AnalysisResult} into reports: gcc-style
 * text for terminals and CI logs, a stable JSON document for scripts, and
 * SARIF 2.1.0 for code-scanning services and IDEs.
 *
 * <p>Every format is a {@link io.github.dovelint.report.ReportWriter} listed in
 * {@link io.github.dovelint.report.ReportWriters}; adding a format is one class
 * plus one line in that registry. All writers are deterministic (the same
 * result gives byte-identical output) so that reports can be diffed, cached
 * and committed. {@link io.github.dovelint.report.Fingerprints} gives the
 * line-independent identity of a finding that SARIF and baselines share, and
 * {@link io.github.dovelint.files.AtomicFiles} writes a report without ever
 * leaving a half-written file behind.
 *
 * <p>Library code here never prints: the CLI decides where output goes.
 */
package io.github.dovelint.report;
