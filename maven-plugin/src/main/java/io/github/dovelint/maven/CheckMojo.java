package io.github.dovelint.maven;

import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.files.AtomicFiles;
import io.github.dovelint.gate.GateResult;
import io.github.dovelint.gate.GateSettings;
import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.model.Severity;
import io.github.dovelint.report.ReportWriter;
import io.github.dovelint.report.ReportWriters;
import io.github.dovelint.report.TextReport;
import io.github.dovelint.suppress.SuppressionSyntax;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's C sources and fails the build on findings at or above
 * {@code failOnSeverity}, beyond {@code maxAllowedViolations}. Findings in
 * the {@code baseline} file, and with {@code newSince} those not on lines
 * changed since that git ref, are left out of the console, the reports and
 * the count.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractDovelintMojo {

    /** The least severe severity that fails the build: {@code error}, {@code warning}, {@code note}, or {@code none}. */
    @Parameter(property = "dovelint.failOnSeverity", defaultValue = "error")
    protected String failOnSeverity;

    /** How many findings at or above {@code failOnSeverity} are tolerated. */
    @Parameter(property = "dovelint.maxAllowedViolations", defaultValue = "0")
    protected int maxAllowedViolations;

    /** Report only findings on lines added or changed since this git ref (e.g. {@code origin/main}). */
    @Parameter(property = "dovelint.newSince")
    protected String newSince;

    /** Report files to write: any of {@code sarif}, {@code checkstyle}, {@code json}, {@code html}, {@code gitlab}, {@code github}, {@code text}. */
    @Parameter(property = "dovelint.formats", defaultValue = "sarif,html")
    protected List<String> formats;

    /** The SARIF report's code-scanning category ({@code automationDetails.id}); none by default. */
    @Parameter(property = "dovelint.sarifCategory")
    protected String sarifCategory;

    /**
     * Logs each finding as the CLI prints it, {@code file:line:col: error: message [DLnnn]}
     * with its call chain below, at the level of its severity (an error as {@code [ERROR]}),
     * as checkstyle's {@code logViolationsToConsole} does. Turn it off when the reports are
     * all you read; the summary and a failing build's message stay.
     */
    @Parameter(property = "dovelint.logViolationsToConsole", defaultValue = "true")
    protected boolean logViolationsToConsole;

    /** Where the reports go. */
    @Parameter(property = "dovelint.outputDirectory", defaultValue = "${project.build.directory}/dovelint")
    protected File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("dovelint: skipped");
            return;
        }
        Severity threshold = threshold();
        List<ReportWriter> writers = writers();
        AnalysisResult analysed = analyse();
        if (analysed == null) {
            return;
        }
        GateResult gate = MavenGate.apply(analysed, settings(threshold), quiet ? null : getLog());
        AnalysisResult result = gate.result();
        if (logViolationsToConsole) {
            result.findings().forEach(this::log);
        }
        if (!quiet) {
            TextReport.idleLines(result).forEach(getLog()::info); // a clean result says what it could not check
        }
        List<Path> written = writeReports(result, writers);
        if (!quiet) {
            logSummary(gate);
        }
        switch (gate.verdict()) {
            case FAILED_INCOMPLETE -> throw new MojoFailureException("dovelint could not analyse everything ("
                    + result.notAnalysed().size() + " file(s) not analysed: "
                    + String.join(", ", result.notAnalysed()) + "); see the input problems "
                    + (quiet ? "in the reports (quiet is on)." : "above.")
                    + " The reports were written and say the run is incomplete."
                    + " To let findings alone decide: -Ddovelint.keepGoing");
            case FAILED_VIOLATIONS -> throw new MojoFailureException(failureMessage(gate, written));
            case TOLERATED, PASSED -> {
            }
        }
    }

    /** The summary line, at the level of the verdict, and why a tolerated run passes. */
    private void logSummary(GateResult gate) {
        String summary = TextReport.summary(gate.result());
        switch (gate.verdict()) {
            case FAILED_INCOMPLETE, FAILED_VIOLATIONS -> getLog().error(summary);
            case TOLERATED -> {
                getLog().warn(summary);
                getLog().warn("dovelint: " + gate.violations() + " at or above " + gate.threshold().label()
                        + ", within maxAllowedViolations " + maxAllowedViolations);
            }
            case PASSED -> {
                if (gate.result().hasFindings()) {
                    getLog().warn(summary);
                } else {
                    getLog().info(summary);
                }
            }
        }
    }

    /** Logs one finding and its chain at the level of its severity. */
    private void log(Finding f) {
        for (String line : TextReport.formatFinding(f).split("\n")) {
            switch (f.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
    }

    /** The gate of this goal: the baseline is applied when its file exists; git is asked in the base directory. */
    private GateSettings settings(Severity threshold) {
        GateSettings settings = GateSettings.of(root.toPath())
                .withFailOn(threshold)
                .withMaxAllowedViolations(maxAllowedViolations)
                .withNewSince(newSince, project.getBasedir().toPath())
                .withKeepGoing(keepGoing);
        return baseline == null ? settings : settings.withBaselineIfPresent(baseline.toPath());
    }

    private String failureMessage(GateResult gate, List<Path> written) {
        String rule = gate.violating().stream().map(Finding::ruleId).findFirst().orElse("DL101");
        long violations = gate.violations();
        Severity threshold = gate.threshold();
        StringBuilder m = new StringBuilder();
        m.append("dovelint found ").append(violations).append(violations == 1 ? " finding" : " findings")
                .append(" at or above ").append(threshold.label());
        if (maxAllowedViolations > 0) {
            m.append(" (maxAllowedViolations is ").append(maxAllowedViolations).append(')');
        }
        m.append(".\n");
        m.append(logViolationsToConsole ? "  See the findings above" : "  See the findings");
        if (!written.isEmpty()) {
            m.append(logViolationsToConsole ? " and the reports: " : " in the reports: ")
                    .append(String.join(", ", written.stream().map(AbstractDovelintMojo::shown).toList()));
        }
        m.append(".\n");
        m.append("  To suppress one, add a comment with a reason on its line or the line before:\n")
                .append("    ").append(SuppressionSyntax.blockComment(rule, SuppressionSyntax.EXAMPLE_REASON))
                .append('\n');
        m.append("  To accept the current findings and fail only on new ones: mvn dovelint:baseline")
                .append(" (writes ").append(baseline == null ? Baseline.DEFAULT_FILE_NAME : shown(baseline.toPath()))
                .append("; commit it).\n");
        m.append("  To see only what a branch changes: -Ddovelint.newSince=origin/main. To skip once: -Ddovelint.skip.\n");
        m.append("  What a rule checks and how to fix it: dovelint rules ").append(rule).append('.');
        return m.toString();
    }

    private Severity threshold() throws MojoExecutionException {
        try {
            return GateSettings.parseFailOn(failOnSeverity);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("dovelint: failOnSeverity " + e.getMessage());
        }
    }

    private List<ReportWriter> writers() throws MojoExecutionException {
        Map<String, ReportWriter> chosen = new LinkedHashMap<>();
        for (String name : formats == null ? List.<String>of() : formats) {
            for (String part : name.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ReportWriter w = ReportWriters.byName(part.trim(), root.toPath().toAbsolutePath(), sarifCategory);
                    chosen.putIfAbsent(w.formatName(), w);
                } catch (IllegalArgumentException e) {
                    throw new MojoExecutionException("dovelint: formats: " + e.getMessage());
                }
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private List<Path> writeReports(AnalysisResult result, List<ReportWriter> writers) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        Path dir = outputDirectory.toPath().toAbsolutePath().normalize();
        for (ReportWriter w : writers) {
            Path file = dir.resolve(ReportWriters.fileName(w));
            try {
                AtomicFiles.write(file, out -> w.write(result, out));
            } catch (IOException e) {
                throw new MojoExecutionException("dovelint: cannot write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        if (!written.isEmpty() && !quiet) {
            getLog().info("dovelint: reports: "
                    + String.join(", ", written.stream().map(AbstractDovelintMojo::shown).toList()));
        }
        return written;
    }
}
