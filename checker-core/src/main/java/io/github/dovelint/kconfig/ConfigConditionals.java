package io.github.dovelint.kconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code CONFIG_*} options a C text's preprocessor conditionals test, read lexically:
 * {@code #if}, {@code #ifdef}, {@code #ifndef}, {@code #elif} (and C23's {@code #elifdef},
 * {@code #elifndef}) lines, continued with backslashes, outside comments. An option is a whole
 * word starting with {@code CONFIG_} ({@code _CONFIG_X_H}, an include guard, is not one).
 */
public final class ConfigConditionals {

    private static final Pattern OPTION = Pattern.compile("(?<![A-Za-z0-9_])CONFIG_[A-Za-z0-9_]+");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*(\\w+)");

    private ConfigConditionals() {
    }

    /** Every option the text's conditionals test. */
    public static SortedSet<String> tested(String text) {
        SortedSet<String> out = new TreeSet<>();
        for (Directive d : directives(text)) {
            if (d.opens() || d.kind().startsWith("elif")) {
                out.addAll(d.options());
            }
        }
        return out;
    }

    /**
     * The options tested by the conditionals that enclose {@code line} (1-based): those of every
     * {@code #if} group open there, all its branches up to the line included.
     */
    public static SortedSet<String> enclosing(String text, int line) {
        List<SortedSet<String>> open = new ArrayList<>();
        for (Directive d : directives(text)) {
            if (d.line() >= line) {
                break;
            }
            if (d.opens()) {
                open.add(new TreeSet<>(d.options()));
            } else if (d.kind().startsWith("elif") && !open.isEmpty()) {
                open.get(open.size() - 1).addAll(d.options());
            } else if (d.kind().equals("endif") && !open.isEmpty()) {
                open.remove(open.size() - 1);
            }
        }
        SortedSet<String> out = new TreeSet<>();
        open.forEach(out::addAll);
        return out;
    }

    /** One conditional directive: its first line, its keyword, the options it names. */
    private record Directive(int line, String kind, SortedSet<String> options) {
        boolean opens() {
            return kind.equals("if") || kind.equals("ifdef") || kind.equals("ifndef");
        }
    }

    private static List<Directive> directives(String text) {
        List<Directive> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines[i]);
            while (endsWithBackslash(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - (logical.charAt(logical.length() - 1) == '\r' ? 2 : 1));
                logical.append(' ').append(lines[++i]);
            }
            boolean startedInComment = inComment;
            StringBuilder code = new StringBuilder();
            inComment = stripComments(logical, inComment, code);
            if (startedInComment) {
                continue; // a directive must start its line, outside a comment
            }
            Matcher m = DIRECTIVE.matcher(code);
            if (!m.find()) {
                continue;
            }
            String kind = m.group(1);
            if (!kind.startsWith("if") && !kind.startsWith("elif") && !kind.equals("else")
                    && !kind.equals("endif")) {
                continue;
            }
            SortedSet<String> options = new TreeSet<>();
            Matcher o = OPTION.matcher(code.substring(m.end()));
            while (o.find()) {
                options.add(o.group());
            }
            out.add(new Directive(first + 1, kind, options));
        }
        return out;
    }

    private static boolean endsWithBackslash(CharSequence s) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '\r') {
            n--;
        }
        return n > 0 && s.charAt(n - 1) == '\\';
    }

    /** Copies {@code line} without its comments into {@code out}; whether a block comment is still open. */
    private static boolean stripComments(CharSequence line, boolean inComment, StringBuilder out) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (inComment) {
                if (line.charAt(i) == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
                    inComment = false;
                    i += 2;
                    out.append(' ');
                } else {
                    i++;
                }
                continue;
            }
            char c = line.charAt(i);
            if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                inComment = true;
                i += 2;
            } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && line.charAt(end) != c) {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(line, i, Math.min(n, end + 1));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return inComment;
    }
}
