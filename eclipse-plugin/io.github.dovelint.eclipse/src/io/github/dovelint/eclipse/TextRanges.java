package io.github.dovelint.eclipse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;

/**
 * The character offsets of a file's lines, to give markers {@code CHAR_START}/{@code CHAR_END}:
 * an editor then underlines the identifier a finding is about (the engine's column points at
 * its first character, see {@link io.github.dovelint.model.Location}), or the line when the
 * column is unknown or points at no identifier. Offsets count characters of the text decoded
 * with the file's charset, as an editor's document does.
 */
final class TextRanges {

    /** A marker's character range, end exclusive. */
    record Range(int start, int end) {
    }

    private final String text;
    private final int[] lineStarts;

    TextRanges(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text; // editors do not show a BOM
        int lines = 1;
        for (int i = 0; i < this.text.length(); i++) {
            if (isLineStart(i + 1)) {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < this.text.length(); i++) {
            if (isLineStart(i + 1)) {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** A line starts after {@code \n}, and after a {@code \r} not followed by {@code \n}. */
    private boolean isLineStart(int i) {
        if (i <= 0 || i > text.length()) {
            return false;
        }
        char before = text.charAt(i - 1);
        return before == '\n' || before == '\r' && (i == text.length() || text.charAt(i) != '\n');
    }

    static TextRanges of(IFile file) throws CoreException, IOException {
        try (InputStream in = file.getContents(true)) {
            return new TextRanges(new String(in.readAllBytes(), Charset.forName(file.getCharset())));
        }
    }

    /**
     * The range of what is at {@code line} (1-based) and {@code column} (1-based, 0: unknown):
     * the identifier starting there, else the rest of the line; the line without its leading
     * and trailing blanks when the column is unknown. Null when the line is not in the text.
     */
    Range range(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return null;
        }
        int lineStart = lineStarts[line - 1];
        int lineEnd = line < lineStarts.length ? lineStarts[line] : text.length();
        while (lineEnd > lineStart && (text.charAt(lineEnd - 1) == '\n' || text.charAt(lineEnd - 1) == '\r')) {
            lineEnd--;
        }
        int end = lineEnd;
        while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start;
        if (column >= 1 && lineStart + column - 1 < lineEnd) {
            start = lineStart + column - 1;
            if (isIdentifierStart(text.charAt(start))) {
                int e = start + 1;
                while (e < lineEnd && isIdentifierPart(text.charAt(e))) {
                    e++;
                }
                return new Range(start, e);
            }
        } else {
            start = lineStart;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        return new Range(start, Math.max(start, end));
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
