package io.github.dovelint.gate;

import io.github.dovelint.model.Severity;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a {@link Gate} checks a run against. Built from {@link #of(Path)} and the
 * {@code with} methods, so that each front end states only what it sets.
 *
 * @param root                 the directory the findings' paths are relative to
 * @param failOn               the least severe severity that counts as a violation;
 *                             null when no finding fails the gate
 * @param maxAllowedViolations how many violations are tolerated
 * @param baseline             the baseline file whose findings are accepted, or null
 * @param baselineRequired     whether a missing baseline file is an error (else no baseline)
 * @param newSince             the git ref whose changed lines alone are kept, or null
 * @param gitDirectory         where git is asked about {@code newSince}
 * @param failWhenIncomplete   whether a run that could not analyse every file fails the gate
 */
public record GateSettings(Path root, Severity failOn, int maxAllowedViolations, Path baseline,
                           boolean baselineRequired, String newSince, Path gitDirectory,
                           boolean failWhenIncomplete) {

    public GateSettings {
        newSince = newSince == null || newSince.isBlank() ? null : newSince.trim();
    }

    /** Any finding fails, none is tolerated, no baseline, every line counts, an incomplete run fails. */
    public static GateSettings of(Path root) {
        return new GateSettings(root, Severity.NOTE, 0, null, false, null, root, true);
    }

    public GateSettings withFailOn(Severity severity) {
        return new GateSettings(root, severity, maxAllowedViolations, baseline, baselineRequired, newSince,
                gitDirectory, failWhenIncomplete);
    }

    public GateSettings withMaxAllowedViolations(int max) {
        return new GateSettings(root, failOn, max, baseline, baselineRequired, newSince, gitDirectory,
                failWhenIncomplete);
    }

    /** Accepts the findings listed in {@code file}, which must exist (null: no baseline). */
    public GateSettings withBaseline(Path file) {
        return new GateSettings(root, failOn, maxAllowedViolations, file, true, newSince, gitDirectory,
                failWhenIncomplete);
    }

    /** Accepts the findings listed in {@code file} when it is a file; none when it is missing. */
    public GateSettings withBaselineIfPresent(Path file) {
        return new GateSettings(root, failOn, maxAllowedViolations, file, false, newSince, gitDirectory,
                failWhenIncomplete);
    }

    /** Keeps only findings on lines changed since {@code ref} (null or blank: all), asking git in {@code directory}. */
    public GateSettings withNewSince(String ref, Path directory) {
        return new GateSettings(root, failOn, maxAllowedViolations, baseline, baselineRequired, ref, directory,
                failWhenIncomplete);
    }

    /** With {@code keepGoing}, findings alone decide even when some files could not be analysed. */
    public GateSettings withKeepGoing(boolean keepGoing) {
        return new GateSettings(root, failOn, maxAllowedViolations, baseline, baselineRequired, newSince,
                gitDirectory, !keepGoing);
    }

    /**
     * Reads a fail-on threshold as build settings spell it: {@code error}, {@code warning},
     * {@code note} (or {@code info}), any case; {@code none} or {@code never} give null (no
     * finding fails); null is {@code error}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Severity parseFailOn(String text) {
        String s = text == null ? "error" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none") || s.equals("never")) {
            return null;
        }
        if (s.equals("info")) {
            return Severity.NOTE;
        }
        Severity parsed = Severity.parse(s);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + text + "' is not one of error, warning, note, none");
        }
        return parsed;
    }
}
