package io.github.dovelint.suppress;

import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code dovelint-ignore DL101[, DL104]: reason} comments in a file's
 * text. Only text inside a comment counts; the reason runs to the end of a
 * line comment or to the closing {@code *}{@code /} of a block comment.
 */
public final class SuppressionScanner {

    private static final Pattern IGNORE = Pattern.compile(
            Pattern.quote(SuppressionSyntax.KEYWORD) + "\\s+(DL\\d{3}(?:\\s*,\\s*DL\\d{3})*)\\s*(?::(.*))?");

    private SuppressionScanner() {
    }

    public static List<Suppression> scan(String file, String text) {
        List<Suppression> out = new ArrayList<>();
        if (!SuppressionSyntax.mayHold(text)) {
            return out;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf(SuppressionSyntax.KEYWORD);
            if (at < 0 || !insideComment(line, at)) {
                continue;
            }
            Matcher m = IGNORE.matcher(line);
            if (!m.find(at)) {
                continue;
            }
            List<String> ids = Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
            String reason = m.group(2) == null ? "" : m.group(2);
            int end = reason.indexOf("*/");
            if (end >= 0) {
                reason = reason.substring(0, end);
            }
            out.add(new Suppression(new Location(file, i + 1, at + 1), ids, reason.strip(), line.strip()));
        }
        return out;
    }

    private static boolean insideComment(String line, int at) {
        int lineComment = line.indexOf("//");
        int blockComment = line.indexOf("/*");
        return (lineComment >= 0 && lineComment < at) || (blockComment >= 0 && blockComment < at)
                || line.stripLeading().startsWith("*");
    }
}
