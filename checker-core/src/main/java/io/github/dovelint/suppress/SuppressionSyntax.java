package io.github.dovelint.suppress;

import java.nio.charset.StandardCharsets;

/**
 * How a suppression comment is spelled: {@code dovelint-ignore DL101, DL104: reason}
 * inside a C comment. Everything that writes one (the IDE's quick fix, the
 * messages that tell people how to suppress a finding) and everything that asks
 * whether a text may hold one (the scanner, the file hashes kept between runs,
 * the lexical index) goes through here, so that the spelling lives in one place.
 */
public final class SuppressionSyntax {

    /** The word that starts a suppression. */
    public static final String KEYWORD = "dovelint-ignore";

    /** The reason shown in messages that teach the syntax; it suppresses like any reason. */
    public static final String EXAMPLE_REASON = "why this is safe";

    private static final byte[] KEYWORD_BYTES = KEYWORD.getBytes(StandardCharsets.US_ASCII);

    private SuppressionSyntax() {
    }

    /** The comment's text without the comment delimiters: {@code dovelint-ignore DL101, DL104: reason}. */
    public static String directive(String ruleIds, String reason) {
        return directiveWithoutReason(ruleIds) + ": " + reason;
    }

    /** The text of a suppression that gives no reason (which suppresses nothing). */
    public static String directiveWithoutReason(String ruleIds) {
        return KEYWORD + " " + ruleIds;
    }

    /** A whole block comment suppressing {@code ruleIds} for {@code reason}: {@code /* dovelint-ignore ... *}{@code /}. */
    public static String blockComment(String ruleIds, String reason) {
        return "/* " + directive(ruleIds, reason) + " */";
    }

    /**
     * Whether {@code text} may hold a suppression comment: the cheap test that lets
     * the many files without one skip the scan. The scan decides what a comment says.
     */
    public static boolean mayHold(CharSequence text) {
        return text.toString().contains(KEYWORD);
    }

    /** As {@link #mayHold(CharSequence)}, on a file's undecoded bytes (the keyword is ASCII). */
    public static boolean mayHold(byte[] bytes) {
        outer:
        for (int k = 0; k + KEYWORD_BYTES.length <= bytes.length; k++) {
            if (bytes[k] != KEYWORD_BYTES[0]) {
                continue;
            }
            for (int q = 1; q < KEYWORD_BYTES.length; q++) {
                if (bytes[k + q] != KEYWORD_BYTES[q]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
