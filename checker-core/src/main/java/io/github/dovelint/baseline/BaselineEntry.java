package io.github.dovelint.baseline;

import java.util.Comparator;
import java.util.Objects;

/**
 * One accepted finding. Only {@code fingerprint} is used for matching; the
 * other fields are there for people reading or reviewing the baseline file
 * (and for listing stale entries).
 *
 * @param fingerprint the finding's {@link io.github.dovelint.report.Fingerprints fingerprint}, occurrence suffix included
 * @param ruleId      the rule id
 * @param file        the file, relative to the checked root
 * @param function    the enclosing function, "" at file scope
 * @param snippet     the normalised text of the flagged line
 * @param message     the finding's message when it was accepted
 */
public record BaselineEntry(String fingerprint, String ruleId, String file, String function, String snippet,
                            String message) implements Comparable<BaselineEntry> {

    private static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::file)
            .thenComparing(BaselineEntry::ruleId)
            .thenComparing(BaselineEntry::function)
            .thenComparing(BaselineEntry::fingerprint);

    public BaselineEntry {
        Objects.requireNonNull(fingerprint, "fingerprint");
        ruleId = ruleId == null ? "" : ruleId;
        file = file == null ? "" : file;
        function = function == null ? "" : function;
        snippet = snippet == null ? "" : snippet;
        message = message == null ? "" : message;
    }

    @Override
    public int compareTo(BaselineEntry other) {
        return ORDER.compare(this, other);
    }

    /** {@code file: [DL101] in fn(): message}, for listings of stale entries. */
    public String describe() {
        return file + ": [" + ruleId + "]" + (function.isEmpty() ? "" : " in " + function + "()") + ": "
                + (message.isEmpty() ? snippet : message);
    }
}
