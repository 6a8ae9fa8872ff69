package io.github.dovelint.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a statement written with a project's own iterator macro, {@code for_each_xxx(args) S}
 * or {@code xxx_for_each(args) S}: a call of a name with a {@code for_each} word in it, written
 * where a statement starts, and followed by a statement (a brace or a name) rather than by
 * {@code ;}. Without its header such a macro is not C, and the parser drops the loop with the
 * calls of its body; {@link MacroGuesses} predefines it as a loop header (see {@link #DEFINITION}).
 */
final class IteratorGuesses {

    /** A lower-case name with {@code for_each} as one of its words, up to its opening parenthesis. */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\w#.>])((?:[a-z_][a-z0-9_]*_)?for_each(?:_[a-z0-9_]+)?)\\s*\\(");
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

    /** The iterator statements of {@code text}, in order (a name may come more than once). */
    static List<Use> of(String text, Pattern type) {
        List<Use> out = new java.util.ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            int close = closing(text, m.end());
            if (close < 0 || !AFTER.matcher(text).region(close + 1, text.length()).lookingAt()) {
                continue;
            }
            int from = Math.max(0, m.start() - 200);
            if (!BEFORE.matcher(text.substring(from, m.start())).find()) {
                continue;
            }
            boolean typed = false;
            for (String arg : text.substring(m.end(), close).split(",")) {
                typed |= type.matcher(arg.trim()).matches();
            }
            out.add(new Use(m.group(1), typed));
        }
        return out;
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
