package io.github.dovelint.maven;

import io.github.dovelint.files.AtomicFiles;
import io.github.dovelint.gate.GateSettings;
import io.github.dovelint.model.AnalysisResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The dovelint page of the Maven site ({@code <reporting>}, {@code mvn site}), like
 * checkstyle's {@code checkstyle} report: a page per module with the summary, the rules that
 * fired, and each file's findings with line, rule (linked to its page), message and call chain.
 * Run on its own ({@code mvn dovelint:report}) it writes the same page as a self-contained
 * {@code dovelint.html} in {@code reportOutputDirectory}, without a site skin.
 *
 * <p>The page shows what {@code check} would gate on: findings accepted by the {@code baseline}
 * file are left out. It never fails the build; an incomplete run says so on the page.
 *
 * <p>It is a report through maven-reporting-api ({@link MavenMultiPageReport}) on this plugin's
 * own mojo base rather than maven-reporting-impl's {@code AbstractMavenReport}, so that it takes
 * exactly the analysis parameters {@code check} takes, declared once; the page itself is drawn
 * with maven-reporting-impl's renderer ({@link FindingsPage}).
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractDovelintMojo implements MavenMultiPageReport {

    /** The page's file name, without extension. */
    static final String OUTPUT_NAME = "dovelint";

    /**
     * Where {@code mvn dovelint:report} writes {@code dovelint.html}. Under {@code mvn site} the
     * site's own output directory is used instead.
     */
    @Parameter(property = "dovelint.reportOutputDirectory", defaultValue = "${project.reporting.outputDirectory}")
    protected File reportOutputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("dovelint: skipped");
            return;
        }
        AnalysisResult result = gated();
        if (result == null) {
            return;
        }
        Path file = reportOutputDirectory.toPath().toAbsolutePath().normalize().resolve(OUTPUT_NAME + ".html");
        try {
            AtomicFiles.write(file, out -> new FindingsPage(new StandalonePageSink(out), result).render());
        } catch (IOException e) {
            throw new MojoExecutionException("dovelint: cannot write " + file + ": " + e.getMessage(), e);
        }
        if (!quiet) {
            getLog().info("dovelint: report: " + shown(file));
        }
    }

    @Override
    public void generate(Sink sink, SinkFactory sinkFactory, Locale locale) throws MavenReportException {
        AnalysisResult result;
        try {
            result = gated();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        if (result != null) {
            new FindingsPage(sink, result).render();
        }
    }

    @Override
    @Deprecated
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        generate(sink, null, locale);
    }

    /** The analysis with the baseline applied, as {@code check} sees it; null when there is nothing to check. */
    private AnalysisResult gated() throws MojoExecutionException {
        AnalysisResult analysed = analyse();
        if (analysed == null) {
            return null;
        }
        GateSettings settings = GateSettings.of(root.toPath()).withKeepGoing(true);
        if (baseline != null) {
            settings = settings.withBaselineIfPresent(baseline.toPath());
        }
        return MavenGate.apply(analysed, settings, quiet ? null : getLog()).result();
    }

    @Override
    public boolean canGenerateReport() throws MavenReportException {
        try {
            return !skip && hasSources();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return MavenReport.CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return FindingsPage.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "Violations of the EVL core's contracts with the Dovetail kernel found by dovelint.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }
}
