package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One report format. Implementations are stateless and thread-safe, and
 * deterministic: the same result always gives the same characters, with
 * {@code "\n"} line endings and a trailing newline, no timestamps and no
 * absolute paths, so that reports can be diffed and committed.
 */
public interface ReportWriter {

    /** The name the CLI's {@code --format} option uses: lower case, stable ({@code text}). */
    String formatName();

    /**
     * Writes the whole report of {@code result} to {@code out}. Does not close
     * {@code out}: the caller owns it (it may be stdout).
     */
    void write(AnalysisResult result, Writer out) throws IOException;

    /** The report as a string, for tests and in-memory consumers such as the IDE. */
    default String render(AnalysisResult result) {
        StringWriter out = new StringWriter();
        try {
            write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
