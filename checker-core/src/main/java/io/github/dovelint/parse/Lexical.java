package io.github.dovelint.parse;

/**
 * Lexical checks CDT does not report: a block comment that runs to the end of
 * the file (CDT silently drops the rest of the file).
 */
final class Lexical {

    private Lexical() {
    }

    /** The offset of the {@code /*} of a block comment never closed, or -1. */
    static int unterminatedComment(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return i;
                }
                i = end + 2;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                // a line comment, continued by backslash-newlines
                i += 2;
                while (i < n && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                i++;
            }
        }
        return -1;
    }
}
