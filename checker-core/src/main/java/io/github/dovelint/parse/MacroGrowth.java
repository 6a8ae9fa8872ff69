package io.github.dovelint.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates how many tokens each macro defined in a file expands to, without
 * expanding anything, to catch "macro bombs" ({@code #define X1 X0 X0},
 * {@code #define X2 X1 X1}, ...) before CDT expands one of them: CDT expands
 * a whole macro invocation before it checks for cancellation, so such a file
 * would exceed any time budget and fill the memory. Self-reference and mutual
 * recursion count once, as the preprocessor stops there too. An estimate:
 * parameters count as one token, macros from headers are not seen.
 */
final class MacroGrowth {

    private static final Pattern DEFINE = Pattern.compile(
            "^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)(\\([^)]*\\))?(.*)$", Pattern.MULTILINE);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\S");

    private MacroGrowth() {
    }

    /** The name of a macro whose expansion exceeds {@code limit} tokens, or null. */
    static String exceeding(String text, long limit) {
        if (text.indexOf("define") < 0) {
            return null;
        }
        Map<String, List<String>> bodies = new HashMap<>();
        Matcher m = DEFINE.matcher(text.replace("\\\r\n", " ").replace("\\\n", " "));
        while (m.find()) {
            Set<String> params = new HashSet<>();
            if (m.group(2) != null) {
                for (String p : m.group(2).substring(1, m.group(2).length() - 1).split(",")) {
                    params.add(p.trim());
                }
            }
            List<String> tokens = new ArrayList<>();
            Matcher t = TOKEN.matcher(m.group(3));
            while (t.find()) {
                tokens.add(params.contains(t.group()) ? "" : t.group());
            }
            bodies.put(m.group(1), tokens);
        }
        Map<String, Long> sizes = new HashMap<>();
        for (String name : bodies.keySet()) {
            if (size(name, bodies, sizes, new HashSet<>(), limit, 0) > limit) {
                return name;
            }
        }
        return null;
    }

    private static long size(String name, Map<String, List<String>> bodies, Map<String, Long> sizes,
                             Set<String> active, long limit, int depth) {
        Long known = sizes.get(name);
        if (known != null) {
            return known;
        }
        if (!active.add(name) || depth > 200) {
            return 1; // the preprocessor does not re-expand a macro inside itself
        }
        long total = 0;
        for (String token : bodies.get(name)) {
            total += bodies.containsKey(token) ? size(token, bodies, sizes, active, limit, depth + 1) : 1;
            if (total > limit) {
                total = limit + 1;
                break;
            }
        }
        active.remove(name);
        sizes.put(name, Math.max(1, total));
        return Math.max(1, total);
    }
}
