package io.github.dovelint.report;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.CallChain;
import io.github.dovelint.model.ChainStep;
import io.github.dovelint.model.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands: one {@code ::error file=F,line=L,col=C,title=DLnnn name::message}
 * line per finding ({@code ::warning} and {@code ::notice} for the other severities), which the
 * runner turns into annotations on the pull request's diff, no code scanning needed. The call
 * chain follows the message on lines of its own (encoded newlines); the run's summary ends the
 * report as a plain line, which the log shows as is.
 *
 * <p>Values are escaped as the runner's toolkit does: in the message {@code %}, CR and LF; in
 * properties also {@code :} and {@code ,}.
 */
public final class GitHubReport implements ReportWriter {

    @Override
    public String formatName() {
        return "github";
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            StringBuilder message = new StringBuilder(f.message());
            for (CallChain chain : f.chains()) {
                for (ChainStep step : chain.steps()) {
                    message.append('\n').append(step.location().file()).append(':').append(step.location().line())
                            .append(": ").append(step.description());
                }
            }
            out.write("::" + level + " file=" + property(f.location().file()));
            if (f.location().line() > 0) {
                out.write(",line=" + f.location().line());
                if (f.location().column() > 0) {
                    out.write(",col=" + f.location().column());
                }
            }
            out.write(",title=" + property(f.ruleId() + " " + f.ruleName()) + "::" + data(message.toString()) + "\n");
        }
        for (String line : TextReport.idleLines(result)) {
            out.write(line + "\n");
        }
        out.write(TextReport.summary(result) + "\n");
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
