package io.github.dovelint.parse;

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
 * {@code KERN_ERR}) and a macro taking a type as its last argument
 * ({@code evl_valptr64(req.name_ptr, const char)}). Without the header that defines them, the
 * parser drops the whole statement, and with it the calls dovelint needs. The same goes for a
 * project's own iterator ({@code for_each_evl_thread(t) { ... }}, {@link IteratorGuesses}).
 * When a file uses a name so and neither it nor the prelude defines it, the name is predefined
 * for that file only: the prefix as an empty string, the type-taking macro as its first
 * argument, the iterator as a loop header whose body runs zero or more times. Only without
 * headers: with them, the real definitions are read (see docs in README, "Use").
 */
final class MacroGuesses {

    /** An upper-case name before a string literal, on the same line or the next. */
    private static final Pattern PREFIX = Pattern.compile("(?<![\\w#.>])([A-Z][A-Z0-9_]+)[ \\t]*\\\\?\\n?[ \\t]*\"");
    /** A call of a lower-case name, up to its opening parenthesis. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w#.>])([a-z_][A-Za-z0-9_]*)\\s*\\(");
    /** A type as written in an argument: {@code const char}, {@code struct evl_poll_event *}. */
    private static final Pattern TYPE = Pattern.compile("(?:(?:const|volatile)\\s+)*(?:(?:struct|union|enum)\\s+\\w+"
            + "|(?:(?:unsigned|signed)\\s+)?(?:char|short|int|long(?:\\s+long)?|float|double|void|bool|_Bool)"
            + "|unsigned|signed|[us](?:8|16|32|64)|__[us](?:8|16|32|64))(?:\\s*\\*)*");
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+(\\w+)");
    private static final Set<String> PRELUDE_NAMES = defined(Prelude.ANNOTATIONS + "\n" + Prelude.TYPES);

    private MacroGuesses() {
    }

    /** The predefinitions {@code text} needs, in the order first used: name or {@code name(a, ...)} to body. */
    static Map<String, String> of(String text) {
        Set<String> defined = defined(text);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PREFIX.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!defined.contains(name) && !PRELUDE_NAMES.contains(name)) {
                out.putIfAbsent(name, "\"\"");
            }
        }
        Set<String> guessed = new HashSet<>();
        Map<String, Boolean> iterators = new LinkedHashMap<>();
        for (IteratorGuesses.Use use : IteratorGuesses.of(text, TYPE)) {
            if (!defined.contains(use.name()) && !PRELUDE_NAMES.contains(use.name())) {
                iterators.merge(use.name(), use.typeArgument(), Boolean::logicalOr);
            }
        }
        iterators.forEach((name, typed) -> {
            out.put(name + "(...)", typed ? IteratorGuesses.DEFINITION_WITHOUT_ARGUMENTS : IteratorGuesses.DEFINITION);
            guessed.add(name);
        });
        Matcher c = CALL.matcher(text);
        while (c.find()) {
            String name = c.group(1);
            if (defined.contains(name) || PRELUDE_NAMES.contains(name) || guessed.contains(name)) {
                continue;
            }
            List<String> args = arguments(text, c.end());
            if (args.size() >= 2 && TYPE.matcher(args.get(args.size() - 1)).matches()
                    && !TYPE.matcher(args.get(0)).matches()) {
                out.put(name + "(__dl_first, ...)", "(__dl_first)");
                guessed.add(name);
            }
        }
        return out;
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
