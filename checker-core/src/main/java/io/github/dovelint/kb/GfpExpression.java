package io.github.dovelint.kb;

/**
 * Evaluates the small C-like constant expressions used for GFP masks:
 * identifiers, integer literals, {@code ~}, {@code &}, {@code ^}, {@code |}
 * and parentheses, with C precedence. Identifiers are resolved by the caller.
 */
final class GfpExpression {

    /** Resolves an identifier found at {@code offset} in the text. */
    interface Resolver {
        long resolve(String name, int offset);
    }

    /** A syntax or resolution error at a character offset of the expression. */
    static final class ExpressionError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        ExpressionError(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final String text;
    private final Resolver resolver;
    private int pos;

    private GfpExpression(String text, Resolver resolver) {
        this.text = text;
        this.resolver = resolver;
    }

    static long evaluate(String text, Resolver resolver) {
        GfpExpression e = new GfpExpression(text, resolver);
        e.skipSpaces();
        if (e.pos >= text.length()) {
            throw new ExpressionError(0, "empty GFP expression");
        }
        long value = e.or();
        e.skipSpaces();
        if (e.pos < text.length()) {
            throw new ExpressionError(e.pos, "unexpected '" + text.charAt(e.pos) + "' in GFP expression '"
                    + text + "'");
        }
        return value;
    }

    private long or() {
        long v = xor();
        while (accept('|')) {
            v |= xor();
        }
        return v;
    }

    private long xor() {
        long v = and();
        while (accept('^')) {
            v ^= and();
        }
        return v;
    }

    private long and() {
        long v = unary();
        while (accept('&')) {
            v &= unary();
        }
        return v;
    }

    private long unary() {
        skipSpaces();
        if (accept('~')) {
            return ~unary();
        }
        if (accept('(')) {
            long v = or();
            if (!accept(')')) {
                throw new ExpressionError(pos, "missing ')' in GFP expression '" + text + "'");
            }
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return resolver.resolve(text.substring(start, pos), start);
        }
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            Long v = io.github.dovelint.yaml.YamlDoc.parseInteger(text.substring(start, pos));
            if (v == null) {
                throw new ExpressionError(start, "bad integer '" + text.substring(start, pos) + "'");
            }
            return v;
        }
        throw new ExpressionError(pos, pos < text.length()
                ? "unexpected '" + text.charAt(pos) + "' in GFP expression '" + text + "'"
                : "GFP expression '" + text + "' ends too early");
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
