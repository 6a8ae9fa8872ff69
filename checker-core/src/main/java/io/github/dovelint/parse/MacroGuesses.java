package io.github.dovelint.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headerless recovery for a project's own macros whose use is not C without their definition:
 * a message prefix written before a string ({@code printk(EVL_ERR "...")}, as the kernel's
 * {@code KERN_ERR}), a macro taking a type as its last argument
 * ({@code evl_valptr64(req.name_ptr, const char)}), and one shaped as {@code container_of()}:
 * a pointer, a type and a member ({@code list_get_entry(&q, struct evl_thread, next)}). Without
 * the header that defines them, the parser drops the whole statement, and with it the calls
 * dovelint needs. The same goes for a project's own iterator ({@code for_each_evl_thread(t) { ... }},
 * {@link IteratorGuesses}). When a file uses a name so and neither it nor the prelude defines it,
 * the name is predefined for that file only: the prefix as an empty string, the type-taking macro
 * as its first argument (the container_of() shape as a pointer to its type), the iterator as a
 * loop header whose body runs zero or more times. Only without headers: with them, the real
 * definitions are read (see docs in README, "Use").
 */
final class MacroGuesses {

    /** A type as written in an argument: {@code const char}, {@code struct evl_poll_event *}. */
    private static final Pattern TYPE = Pattern.compile("(?:(?:const|volatile)\\s+)*(?:(?:struct|union|enum)\\s+\\w+"
            + "|(?:(?:unsigned|signed)\\s+)?(?:char|short|int|long(?:\\s+long)?|float|double|void|bool|_Bool)"
            + "|unsigned|signed|[us](?:8|16|32|64)|__[us](?:8|16|32|64))(?:\\s*\\*)*");
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+(\\w+)");
    /** A member named in an argument: {@code next}, {@code wait.entry}. */
    private static final Pattern MEMBER = Pattern.compile("\\w+(?:\\.\\w+)*");
    private static final Set<String> PRELUDE_NAMES = defined(Prelude.ANNOTATIONS + "\n" + Prelude.TYPES);

    private MacroGuesses() {
    }

    /**
     * The predefinitions {@code text} needs, in the order first used: name or {@code name(a, ...)}
     * to body. One pass over the text's names (a name preceded by a word character, {@code #},
     * {@code .} or {@code ->} is not one), rather than a regular expression per kind: it runs on
     * every file a derivation parses (docs/kernel-db.md#performance).
     */
    static Map<String, String> of(String text) {
        Set<String> defined = defined(text);
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Boolean> iterators = new LinkedHashMap<>();
        List<int[]> calls = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (!isWord(ch)) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < n && isWord(text.charAt(end))) {
                end++;
            }
            i = end;
            char before = start > 0 ? text.charAt(start - 1) : ' ';
            if (ch >= '0' && ch <= '9' || isWord(before) || before == '#' || before == '.' || before == '>') {
                continue;
            }
            if (ch >= 'A' && ch <= 'Z') {
                if (end - start >= 2 && upperCase(text, start, end) && beforeString(text, end)) {
                    String name = text.substring(start, end);
                    if (!defined.contains(name) && !PRELUDE_NAMES.contains(name)) {
                        out.putIfAbsent(name, "\"\"");
                    }
                }
                continue;
            }
            if (!(ch == '_' || ch >= 'a' && ch <= 'z')) {
                continue;
            }
            int open = end;
            while (open < n && isSpace(text.charAt(open))) {
                open++;
            }
            if (open >= n || text.charAt(open) != '(') {
                continue;
            }
            String name = text.substring(start, end);
            if (defined.contains(name) || PRELUDE_NAMES.contains(name)) {
                continue;
            }
            IteratorGuesses.Use use = IteratorGuesses.isIteratorName(name)
                    ? IteratorGuesses.at(text, name, start, open + 1, TYPE) : null;
            if (use != null) {
                iterators.merge(name, use.typeArgument(), Boolean::logicalOr);
            }
            calls.add(new int[] {start, end, open + 1});
        }
        Set<String> guessed = new HashSet<>();
        iterators.forEach((name, typed) -> {
            out.put(name + "(...)", typed ? IteratorGuesses.DEFINITION_WITHOUT_ARGUMENTS : IteratorGuesses.DEFINITION);
            guessed.add(name);
        });
        for (int[] call : calls) {
            String name = text.substring(call[0], call[1]);
            if (guessed.contains(name)) {
                continue;
            }
            List<String> args = arguments(text, call[2]);
            if (args.size() >= 2 && TYPE.matcher(args.get(args.size() - 1)).matches()
                    && !TYPE.matcher(args.get(0)).matches()) {
                out.put(name + "(__dl_first, ...)", "(__dl_first)");
                guessed.add(name);
            } else if (args.size() == 3 && TYPE.matcher(args.get(1)).matches() && !TYPE.matcher(args.get(0)).matches()
                    && MEMBER.matcher(args.get(2)).matches()) {
                // container_of()'s shape: EVL's list_get_entry(&q, struct evl_thread, next)
                out.put(name + "(__dl_ptr, __dl_type, __dl_member)", "((__dl_type *)__dl_container_of(__dl_ptr))");
                guessed.add(name);
            }
        }
        return out;
    }

    private static boolean isWord(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_';
    }

    /** What {@code \\s} matches in a regular expression. */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    private static boolean upperCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A string literal next: blanks, perhaps a line continuation or a new line, blanks, a quote. */
    private static boolean beforeString(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < n && text.charAt(i) == '\\') {
            i++;
        }
        if (i < n && text.charAt(i) == '\n') {
            i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < n && text.charAt(i) == '"';
    }

    /** The top-level arguments of a call whose parenthesis opened just before {@code from}, trimmed. */
    private static List<String> arguments(String text, int from) {
        List<String> args = new java.util.ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < text.length() && i < from + 400; i++) {
            char ch = text.charAt(i);
            if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    args.add(text.substring(start, i).trim());
                    return args;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                args.add(text.substring(start, i).trim());
                start = i + 1;
            } else if (ch == '"' || ch == ';') {
                return List.of(); // strings and statements: not a simple macro argument list
            }
        }
        return List.of();
    }

    private static Set<String> defined(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = DEFINE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
