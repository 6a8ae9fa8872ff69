package io.github.dovelint.maven;

import io.github.dovelint.AnalysisResult;
import io.github.dovelint.Finding;
import io.github.dovelint.Severity;
import io.github.dovelint.baseline.Baseline;
import io.github.dovelint.baseline.BaselineEntry;
import io.github.dovelint.baseline.ChangedLines;
import io.github.dovelint.files.AtomicFiles;
import io.github.dovelint.report.ReportWriter;
import io.github.dovelint.report.ReportWriters;
import io.github.dovelint.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** Report files to write: any of {@code sarif}, {@code checkstyle}, {@code json}, {@code html}, {@code gitlab}, {@code text}. */
    @Parameter(property = "dovelint.formats", defaultValue = "sarif,html")
    protected List<String> formats;

    /**
     * Let findings alone fail the build even when some files could not be
     * analysed (unreadable, undecodable, binary, over a limit). Without it such
     * a run fails the build after writing the reports, which say the run is
     * incomplete, as {@code dovelint check} exits 2 without {@code --keep-going}.
     */
    @Parameter(property = "dovelint.keepGoing", defaultValue = "false")
    protected boolean keepGoing;

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
        AnalysisResult result = analyse();
        if (result == null) {
            return;
        }
        Path baselineFile = baseline == null ? null : baseline.toPath().toAbsolutePath().normalize();
        if (baselineFile != null && Files.isRegularFile(baselineFile)) {
            Baseline.Match match;
            try {
                match = Baseline.read(baselineFile).match(result);
            } catch (IOException e) {
                throw new MojoExecutionException("dovelint: " + e.getMessage(), e);
            }
            result = match.result();
            getLog().info("dovelint: " + match.accepted() + " finding" + (match.accepted() == 1 ? "" : "s")
                    + " accepted by the baseline " + shown(baselineFile));
            if (!match.stale().isEmpty()) {
                getLog().warn("dovelint: " + match.stale().size() + " baseline entr"
                        + (match.stale().size() == 1 ? "y matches" : "ies match") + " no finding any more:");
                for (BaselineEntry e : match.stale()) {
                    getLog().warn("  " + e.describe());
                }
                getLog().warn("dovelint: remove them with: mvn dovelint:baseline -Ddovelint.prune");
            }
        }
        if (newSince != null && !newSince.isBlank()) {
            ChangedLines changed;
            try {
                changed = ChangedLines.since(project.getBasedir().toPath(), newSince.trim());
            } catch (IOException e) {
                throw new MojoExecutionException("dovelint: newSince: " + e.getMessage(), e);
            }
            int before = result.findings().size();
            result = changed.filter(result, root.toPath());
            getLog().info("dovelint: only findings on lines changed since " + newSince.trim() + " ("
                    + (before - result.findings().size()) + " on unchanged lines left out)");
        }
        for (Finding f : result.findings()) {
            String text = TextReport.formatFinding(f);
            for (String line : text.split("\n")) {
                switch (f.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    default -> getLog().info(line);
                }
            }
        }
        String summary = TextReport.summary(result);
        List<Path> written = writeReports(result, writers);
        long violations = threshold == null ? 0
                : result.findings().stream().filter(f -> f.severity().atLeast(threshold)).count();
        if (!result.complete() && !keepGoing) {
            getLog().error(summary);
            throw new MojoFailureException("dovelint could not analyse everything ("
                    + result.notAnalysed().size() + " file(s) not analysed: "
                    + String.join(", ", result.notAnalysed()) + "); see the input problems above."
                    + " The reports were written and say the run is incomplete."
                    + " To let findings alone decide: -Ddovelint.keepGoing");
        }
        if (violations > 0 && violations <= maxAllowedViolations) {
            getLog().warn(summary);
            getLog().warn("dovelint: " + violations + " at or above " + threshold.label()
                    + ", within maxAllowedViolations " + maxAllowedViolations);
        } else if (violations > maxAllowedViolations) {
            getLog().error(summary);
            throw new MojoFailureException(failureMessage(result, violations, threshold, written));
        } else if (result.hasFindings()) {
            getLog().warn(summary);
        } else {
            getLog().info(summary);
        }
    }

    private String failureMessage(AnalysisResult result, long violations, Severity threshold, List<Path> written) {
        String rule = result.findings().stream().filter(f -> f.severity().atLeast(threshold))
                .map(Finding::ruleId).findFirst().orElse("DL101");
        StringBuilder m = new StringBuilder();
        m.append("dovelint found ").append(violations).append(violations == 1 ? " finding" : " findings")
                .append(" at or above ").append(threshold.label());
        if (maxAllowedViolations > 0) {
            m.append(" (maxAllowedViolations is ").append(maxAllowedViolations).append(')');
        }
        m.append(".\n");
        m.append("  See the findings above");
        if (!written.isEmpty()) {
            m.append(" and the reports: ")
                    .append(String.join(", ", written.stream().map(AbstractDovelintMojo::shown).toList()));
        }
        m.append(".\n");
        m.append("  To suppress one, add a comment with a reason on its line or the line before:\n")
                .append("    /* dovelint-ignore ").append(rule).append(": why this is safe */\n");
        m.append("  To accept the current findings and fail only on new ones: mvn dovelint:baseline")
                .append(" (writes ").append(baseline == null ? "dovelint-baseline.json" : shown(baseline.toPath()))
                .append("; commit it).\n");
        m.append("  To see only what a branch changes: -Ddovelint.newSince=origin/main. To skip once: -Ddovelint.skip.\n");
        m.append("  What a rule checks and how to fix it: dovelint rules ").append(rule).append('.');
        return m.toString();
    }

    private Severity threshold() throws MojoExecutionException {
        String s = failOnSeverity == null ? "error" : failOnSeverity.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none") || s.equals("never")) {
            return null;
        }
        if (s.equals("info")) {
            return Severity.NOTE;
        }
        Severity parsed = Severity.parse(s);
        if (parsed == null) {
            throw new MojoExecutionException("dovelint: failOnSeverity '" + failOnSeverity
                    + "' is not one of error, warning, note, none");
        }
        return parsed;
    }

    private List<ReportWriter> writers() throws MojoExecutionException {
        Map<String, ReportWriter> chosen = new LinkedHashMap<>();
        for (String name : formats == null ? List.<String>of() : formats) {
            for (String part : name.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ReportWriter w = ReportWriters.byName(part.trim(), root.toPath().toAbsolutePath());
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
        if (!written.isEmpty()) {
            getLog().info("dovelint: reports: "
                    + String.join(", ", written.stream().map(AbstractDovelintMojo::shown).toList()));
        }
        return written;
    }
}
