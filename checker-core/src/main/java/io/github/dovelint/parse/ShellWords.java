package io.github.dovelint.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a compile_commands.json {@code command} string into arguments the way
 * a POSIX shell would for the simple quoting build systems emit (single
 * quotes, double quotes with backslash escapes, backslash escapes). No
 * expansion of variables or globs: the JSON format forbids relying on them.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i);
            if (c == '\'') {
                inWord = true;
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    end = n;
                }
                word.append(command, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                inWord = true;
                i++;
                while (i < n && command.charAt(i) != '"') {
                    char d = command.charAt(i);
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(command.charAt(i + 1)) >= 0) {
                        d = command.charAt(++i);
                    }
                    word.append(d);
                    i++;
                }
                i++;
            } else if (c == '\\' && i + 1 < n) {
                inWord = true;
                word.append(command.charAt(i + 1));
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                inWord = true;
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
