package io.github.dovelint.eclipse;

/**
 * What the last analysis of a project did, as the engine told it: how warm it was and how
 * long it took. {@link Dovelint#lastBuild} gives it; the builder logs it.
 *
 * @param files          the files the analysis covered
 * @param filesParsed    the files it parsed, their facts not being in the project's fact cache
 * @param filesUpdated   the files whose markers it changed
 * @param millis         the wall time of the analysis and the marker update
 */
public record BuildReport(int files, int filesParsed, int filesUpdated, long millis) {
}
