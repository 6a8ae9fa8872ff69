package io.github.dovelint.cli;

import io.github.dovelint.report.ReportWriters;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * One {@code --format X [--output F]} pair of {@code check}. The pairs are a repeating picocli
 * argument group: a second {@code --format} (or {@code --output}) starts a new pair, so each
 * {@code --output} belongs to the {@code --format} written next to it, whichever comes first. A pair
 * without a format is a text report (as a lone {@code --output F} always was); a pair without an
 * output goes to standard output, which at most one pair may do.
 */
final class ReportRequest {

    static final String DEFAULT_FORMAT = "text";

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = CheckCommand.FormatNames.class,
            description = "Report format, one of: ${COMPLETION-CANDIDATES} (default: text). Repeat --format X"
                    + " --output FILE to write several reports in one run; at most one format without --output"
                    + " (it goes to standard output).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report of the --format next to it to FILE (atomically) instead of standard"
                    + " output.")
    Path output;

    ReportRequest() {
    }

    ReportRequest(String format, Path output) {
        this.format = format;
        this.output = output;
    }

    /** The format asked for, {@code text} when none was. */
    String formatName() {
        return format != null ? format : DEFAULT_FORMAT;
    }

    /** How this pair reads on the command line, for messages. */
    String describe() {
        return "--format " + formatName() + (output != null ? " --output " + output : "");
    }

    /**
     * The pairs of one command line, the single text report to standard output when there are none.
     */
    static List<ReportRequest> orDefault(List<ReportRequest> given) {
        return given == null || given.isEmpty() ? List.of(new ReportRequest(null, null)) : List.copyOf(given);
    }

    /**
     * Why these pairs cannot all be written (an unknown format, two reports to standard output, two
     * reports to one file), or null when they can.
     */
    static String problem(List<ReportRequest> requests) {
        for (ReportRequest r : requests) {
            if (ReportWriters.find(r.formatName()).isEmpty()) {
                return "unknown format '" + r.formatName() + "' for --format (expected one of: "
                        + String.join(", ", ReportWriters.names()) + ")";
            }
        }
        List<ReportRequest> toStdout = requests.stream().filter(r -> r.output == null).toList();
        if (toStdout.size() > 1) {
            return "only one report can go to standard output, but "
                    + String.join(" and ", toStdout.stream().map(r -> "--format " + r.formatName()).toList())
                    + " have no --output FILE (give each format but one its own --output)";
        }
        Map<Path, ReportRequest> byFile = new HashMap<>();
        for (ReportRequest r : requests) {
            if (r.output != null) {
                ReportRequest first = byFile.putIfAbsent(CheckCommand.absolute(r.output), r);
                if (first != null) {
                    return "two reports to one file: '" + first.describe() + "' and '" + r.describe() + "'";
                }
            }
        }
        return null;
    }
}
