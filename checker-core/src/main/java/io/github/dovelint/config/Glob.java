package io.github.dovelint.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path glob of a configuration file, relative to the directory of the file
 * that wrote it ({@code base}). Paths are matched as {@code /}-separated
 * strings so that behaviour does not depend on the platform.
 *
 * <p>Syntax: {@code *} and {@code ?} stay within one path component,
 * {@code **} crosses directories and {@code **}{@code /} also matches no
 * directory at all (so {@code **}{@code /*.c} matches {@code a.c}),
 * {@code [abc]}/{@code [!abc]} classes, {@code {a,b}} alternatives.
 *
 * <p>Two flavours: a <em>path</em> glob (for {@code exclude:}) behaves like a
 * .gitignore line: a pattern without a slash matches a file or directory
 * name at any depth, a pattern with a slash is anchored at the base, a
 * trailing slash is allowed, and a match on a directory covers everything
 * under it (so {@code vendor}, {@code vendor/} and {@code vendor/**} all
 * exclude the whole tree). A <em>directory</em> glob (for {@code units:}) is
 * always anchored and matches whole paths only.
 */
public final class Glob {

    private final String pattern;
    private final Path base;
    private final Pattern regex;
    private final boolean coversSubtree;

    private Glob(String pattern, Path base, Pattern regex, boolean coversSubtree) {
        this.pattern = pattern;
        this.base = base;
        this.regex = regex;
        this.coversSubtree = coversSubtree;
    }

    /** A .gitignore-like path glob (see class comment). */
    public static Glob path(String pattern, Path base) {
        String p = normalize(pattern);
        boolean anchored = p.contains("/");
        String body = toRegex(p);
        String regex = (anchored ? "" : "(?:.*/)?") + body;
        return new Glob(pattern, base, compile(pattern, regex), true);
    }

    /** An anchored directory glob (see class comment). */
    public static Glob directory(String pattern, Path base) {
        return new Glob(pattern, base, compile(pattern, toRegex(normalize(pattern))), false);
    }

    private static String normalize(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.startsWith("/")) {
            p = p.substring(1);
            if (!p.contains("/")) {
                // "/name": anchored although it has no inner slash
                p = "./" + p;
            }
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".")) {
            throw new IllegalArgumentException("pattern matches nothing useful");
        }
        return p;
    }

    private static Pattern compile(String pattern, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("malformed glob '" + pattern + "'");
        }
    }

    /**
     * A glob character class ({@code [a-z]}, {@code [!.]}) as a regex class built
     * only from escaped code points, so that no pattern can make the regex
     * compiler fail: a reversed range is the user's error, said as such.
     */
    private static String characterClass(String cls, String glob) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (cls.startsWith("!") || cls.startsWith("^")) {
            out.append('^');
            i = 1;
        }
        int[] cps = cls.codePoints().toArray();
        if (i >= cps.length) {
            throw new IllegalArgumentException("empty character class '[" + cls + "]' in glob '" + glob + "'");
        }
        for (; i < cps.length; i++) {
            int from = cps[i];
            if (i + 2 < cps.length && cps[i + 1] == '-') {
                int to = cps[i + 2];
                if (to < from) {
                    throw new IllegalArgumentException("reversed range '" + new String(cps, i, 3)
                            + "' in glob '" + glob + "'");
                }
                out.append("\\x{").append(Integer.toHexString(from)).append("}-\\x{")
                        .append(Integer.toHexString(to)).append('}');
                i += 2;
            } else {
                out.append("\\x{").append(Integer.toHexString(from)).append('}');
            }
        }
        return out.append(']').toString();
    }

    private static String toRegex(String glob) {
        if (glob.startsWith("./")) {
            glob = glob.substring(2);
        }
        StringBuilder out = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            out.append("(?:.*/)?");
                        } else {
                            out.append(".*");
                        }
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed '[' in glob '" + glob + "'");
                    }
                    out.append(characterClass(glob.substring(i + 1, end), glob));
                    i = end;
                }
                case '{' -> {
                    braces++;
                    out.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("unmatched '}' in glob '" + glob + "'");
                    }
                    braces--;
                    out.append(')');
                }
                case ',' -> out.append(braces > 0 ? "|" : ",");
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("unclosed '{' in glob '" + glob + "'");
        }
        return out.toString();
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern;
    }

    /** The directory the pattern is relative to, or null when unknown. */
    public Path base() {
        return base;
    }

    /**
     * Whether a {@code /}-separated path relative to {@link #base()} matches
     * (for a path glob: or lies under a matching directory).
     */
    public boolean matches(String relativePath) {
        String p = relativePath.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (regex.matcher(p).matches()) {
            return true;
        }
        if (coversSubtree) {
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                if (regex.matcher(p.substring(0, slash)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code path}, relative to {@code from} (a directory, possibly
     * null), matches: the path is re-expressed relative to this glob's base,
     * and a path outside the base never matches.
     */
    public boolean matches(Path path, Path from) {
        Path rel = path;
        if (base != null && from != null && !base.equals(from)) {
            Path abs = from.resolve(path).normalize();
            Path b = base.normalize();
            if (!abs.startsWith(b)) {
                return false;
            }
            rel = b.relativize(abs);
        }
        return matches(slashed(rel));
    }

    static String slashed(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path part : path) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.pattern.equals(pattern) && Objects.equals(g.base, base)
                && g.coversSubtree == coversSubtree;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, base, coversSubtree);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
