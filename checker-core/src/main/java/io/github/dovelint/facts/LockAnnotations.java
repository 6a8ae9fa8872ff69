package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sparse's lock-context annotations on a function definition:
 * {@code __must_hold(x)} (x is held on entry and on return) and
 * {@code __releases(x)} (held on entry, dropped inside). The prelude expands
 * them to attributes, which CDT keeps without their arguments, so they are read
 * from the text between the start of the definition and its body. Each stands
 * for a call {@code __must_hold(&x)} at the function's entry, which
 * {@link LockApis} classifies as asserting that x is held: what the body may
 * assume, as after {@code lockdep_assert_held(&x)}, and what a hook must not
 * (DL103).
 */
final class LockAnnotations {

    /** An annotation stating that a lock is held on entry. */
    static final Pattern HELD_ON_ENTRY = Pattern.compile("\\b(__must_hold|__releases)\\s*\\(");
    /** The lock: {@code &files->file_lock}, {@code files->file_lock}, {@code &ctx.lock}, {@code lock}. */
    private static final Pattern LOCK = Pattern.compile(
            "\\s*(&?)\\s*([A-Za-z_]\\w*)((?:\\s*(?:->|\\.)\\s*[A-Za-z_]\\w*)*)\\s*");
    private static final Pattern STEP = Pattern.compile("(->|\\.)\\s*([A-Za-z_]\\w*)");

    private LockAnnotations() {
    }

    /**
     * The calls the annotations of a definition stand for.
     *
     * @param head the definition's text before its body
     * @param at   where the calls are reported (the function's name)
     */
    static List<CallFact> heldOnEntry(String head, Location at) {
        List<CallFact> out = new ArrayList<>();
        Matcher m = HELD_ON_ENTRY.matcher(head);
        while (m.find()) {
            int close = closing(head, m.end());
            if (close < 0) {
                break;
            }
            Matcher lock = LOCK.matcher(head.substring(m.end(), close));
            if (lock.matches()) {
                Expr e = Expr.Name.of(lock.group(2));
                Matcher step = STEP.matcher(lock.group(3));
                while (step.find()) {
                    e = new Expr.Member(e, step.group(2), step.group(1).equals("->"));
                }
                if (!lock.group(1).isEmpty()) {
                    e = new Expr.Unary("&", e);
                }
                out.add(new CallFact(new Callee.Named(m.group(1)), List.of(e), at, null));
            }
        }
        return out;
    }

    /** The index of the parenthesis closing the one before {@code from}, or -1. */
    private static int closing(String s, int from) {
        int depth = 1;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
