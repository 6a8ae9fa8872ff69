/**
 * Gates that report only what is new: a {@link io.github.dovelint.baseline.Baseline}
 * of accepted findings matched by line-independent fingerprints, and
 * {@link io.github.dovelint.baseline.ChangedLines}, the lines changed since a
 * git ref. Both filter an {@link io.github.dovelint.model.AnalysisResult}; neither
 * knows about the CLI or Maven.
 */
package io.github.dovelint.baseline;
