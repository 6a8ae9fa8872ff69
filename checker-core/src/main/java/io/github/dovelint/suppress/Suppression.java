package io.github.dovelint.suppress;

import io.github.dovelint.model.Location;
import java.util.List;

/**
 * One {@code dovelint-ignore} comment.
 *
 * @param location where the comment is
 * @param ruleIds  the rules it names
 * @param reason   why, "" when missing (then it suppresses nothing and is itself reported)
 * @param snippet  the comment's line, trimmed
 */
public record Suppression(Location location, List<String> ruleIds, String reason, String snippet) {
    public Suppression {
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean hasReason() {
        return !reason.isBlank();
    }

    /** A suppression covers its own line and the next one. */
    public boolean covers(String file, int line, String ruleId) {
        return location.file().equals(file)
                && (line == location.line() || line == location.line() + 1)
                && ruleIds.contains(ruleId);
    }
}
