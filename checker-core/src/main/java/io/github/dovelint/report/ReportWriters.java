package io.github.dovelint.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of report formats, so that the CLI, the build plugins and the
 * error message for an unknown {@code --format} all see the same list. A new
 * format is one {@link ReportWriter} class plus one entry in {@link #ALL}.
 */
public final class ReportWriters {

    /** In the order listings show them: the default format first. */
    private static final List<ReportWriter> ALL = List.of(
            new TextReport(),
            new JsonReport(),
            new SarifReport(),
            new CheckstyleReport(),
            new GitLabReport(),
            new GitHubReport(),
            new HtmlReport());

    private ReportWriters() {
    }

    /** Every format, the default ({@code text}) first. */
    public static List<ReportWriter> all() {
        return ALL;
    }

    /**
     * The format called {@code name}, set up for the checked root: formats that
     * quote the sources (html) read them from {@code sourceRoot}.
     *
     * @throws IllegalArgumentException naming the known formats
     */
    public static ReportWriter byName(String name, java.nio.file.Path sourceRoot) {
        ReportWriter writer = byName(name);
        return writer instanceof HtmlReport && sourceRoot != null ? new HtmlReport(sourceRoot) : writer;
    }

    /**
     * The format called {@code name} for the checked root, a SARIF report filed under
     * {@code sarifCategory} (null: none, the uploader's category applies).
     *
     * @throws IllegalArgumentException naming the known formats
     */
    public static ReportWriter byName(String name, java.nio.file.Path sourceRoot, String sarifCategory) {
        ReportWriter writer = byName(name, sourceRoot);
        return writer instanceof SarifReport ? new SarifReport(sarifCategory) : writer;
    }

    /** The file name a report of this format gets in an output directory: {@code dovelint.sarif}, ... */
    public static String fileName(ReportWriter writer) {
        return switch (writer.formatName()) {
            case "text" -> "dovelint.txt";
            case "checkstyle" -> "dovelint-checkstyle.xml";
            case "gitlab" -> "dovelint-gitlab.json";
            case "github" -> "dovelint-github.txt";
            default -> "dovelint." + writer.formatName();
        };
    }

    /** The format names, in listing order: {@code [text, json, sarif, checkstyle, gitlab, github, html]}. */
    public static List<String> names() {
        return ALL.stream().map(ReportWriter::formatName).toList();
    }

    /** The format called {@code name} (case-insensitive), if there is one. */
    public static Optional<ReportWriter> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(w -> w.formatName().equals(wanted)).findFirst();
    }

    /**
     * The format called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known formats, ready to show to a user
     */
    public static ReportWriter byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown report format '" + name + "' (expected one of: " + String.join(", ", names()) + ")"));
    }
}
