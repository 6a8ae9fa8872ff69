package io.github.dovelint.yaml;

import io.github.dovelint.model.Location;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The nesting limit of a YAML file dovelint reads, checked on the text before composing it:
 * the composer recurses once per level, and a file nested a hundred thousand levels deep
 * (brackets, or indentation) would overflow the stack. A real configuration or knowledge base
 * is a few levels deep; {@link #LIMIT} leaves room for any hand-written one.
 */
final class YamlDepth {

    /** The deepest nesting accepted, block and flow levels together. */
    static final int LIMIT = 256;

    private YamlDepth() {
    }

    /** Throws a located error naming the limit where {@code text} first nests deeper than {@link #LIMIT}. */
    static void check(String sourceName, String text) throws ConfigException {
        Deque<Integer> indents = new ArrayDeque<>();
        int flow = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int indent = i - start;
            boolean content = i < n && text.charAt(i) != '\n' && text.charAt(i) != '#' && text.charAt(i) != '\r';
            if (content && flow == 0) {
                while (!indents.isEmpty() && indents.peek() >= indent) {
                    indents.pop();
                }
                indents.push(indent);
            }
            char quote = 0;
            for (; i < n && text.charAt(i) != '\n'; i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                    break;
                } else if (c == '[' || c == '{') {
                    flow++;
                } else if ((c == ']' || c == '}') && flow > 0) {
                    flow--;
                }
                if (flow + indents.size() > LIMIT) {
                    throw new ConfigException(new Location(sourceName, line, i - textLineStart(text, i) + 1),
                            "nested more than " + LIMIT + " levels deep: the limit for a YAML file dovelint reads");
                }
            }
            i++;
            line++;
        }
    }

    private static int textLineStart(String text, int at) {
        int nl = text.lastIndexOf('\n', at - 1);
        return nl + 1;
    }
}
