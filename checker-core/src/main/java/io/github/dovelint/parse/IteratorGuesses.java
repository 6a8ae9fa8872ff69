package io.github.dovelint.parse;

import java.util.regex.Pattern;

/**
 * Recognises a statement written with a project's own iterator macro, {@code for_each_xxx(args) S}
 * or {@code xxx_for_each(args) S}: a call of a name with a {@code for_each} word in it, written
 * where a statement starts, and followed by a statement (a brace or a name) rather than by
 * {@code ;}. Without its header such a macro is not C, and the parser drops the loop with the
 * calls of its body; {@link MacroGuesses} predefines it as a loop header (see {@link #DEFINITION}).
 */
final class IteratorGuesses {

    /** What may end the code before a statement: a statement, a block, a condition, a label, a comment. */
    private static final Pattern BEFORE = Pattern.compile("(?:[;{}):]|\\*/|\\belse|\\bdo)\\s*$");
    /** What may start the statement the iterator governs: a block, or a name (a call, a keyword). */
    private static final Pattern AFTER = Pattern.compile("\\s*(?:\\{|[A-Za-z_])");

    /**
     * The loop header an undefined iterator stands for: the iterator's arguments are evaluated by
     * the loop's test, which the graph cannot decide, so the body runs zero or more times and the
     * code after the loop is reached. A type among the arguments is not an expression: then the
     * test takes none ({@link #DEFINITION_WITHOUT_ARGUMENTS}).
     */
    static final String DEFINITION = "for (; __dl_iter_first(__VA_ARGS__); )";
    static final String DEFINITION_WITHOUT_ARGUMENTS = "for (; __dl_iter_first(0); )";

    private IteratorGuesses() {
    }

    /** One iterator used in {@code text}: its name and whether an argument is a type. */
    record Use(String name, boolean typeArgument) {
    }

    /**
     * Whether {@code name} is an iterator's: lower case, with {@code for_each} as one of its
     * words ({@code for_each_evl_thread}, {@code evl_for_each_element}, {@code for_each}).
     */
    static boolean isIteratorName(String name) {
        if (name.isEmpty() || !(name.charAt(0) == '_' || name.charAt(0) >= 'a' && name.charAt(0) <= 'z')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_')) {
                return false;
            }
        }
        for (int k = name.indexOf("for_each"); k >= 0; k = name.indexOf("for_each", k + 1)) {
            int after = k + "for_each".length();
            boolean wordStart = k == 0 || k >= 2 && name.charAt(k - 1) == '_';
            boolean wordEnd = after == name.length() || name.charAt(after) == '_' && name.length() - after >= 2;
            if (wordStart && wordEnd) {
                return true;
            }
        }
        return false;
    }

    /**
     * The iterator statement of {@code name}, called at {@code start} with its argument list
     * opening just before {@code open}, or null when the call is not one: it must stand where a
     * statement starts and be followed by the statement it governs.
     */
    static Use at(String text, String name, int start, int open, Pattern type) {
        int close = closing(text, open);
        if (close < 0 || !AFTER.matcher(text).region(close + 1, text.length()).lookingAt()) {
            return null;
        }
        int from = Math.max(0, start - 200);
        if (!BEFORE.matcher(text.substring(from, start)).find()) {
            return null;
        }
        boolean typed = false;
        for (String arg : text.substring(open, close).split(",")) {
            typed |= type.matcher(arg.trim()).matches();
        }
        return new Use(name, typed);
    }

    /** The index of the parenthesis closing the one opened just before {@code from}, or -1. */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length() && i < from + 400; i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (ch == ';' || ch == '{' || ch == '}') {
                return -1;
            }
        }
        return -1;
    }
}
