package io.github.dovelint.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a struct is, as an expression says it: the expression it hangs from and the members
 * embedded in one another down to it. {@code xbuf->obnd.ring} is the {@code ring} embedded in the
 * {@code obnd} embedded in {@code *xbuf}: root {@code xbuf}, members {@code [obnd, ring]}. Only
 * the members after the last pointer count ({@code x->in->ring} is {@code [ring]} hanging from
 * {@code x->in}): a pointer may point anywhere, an embedded member may not. An empty path says
 * nothing of where the struct is: the root is a pointer parameter or variable, or unknown.
 * (docs/internals.md#instances)
 *
 * @param root    the expression the members hang from ({@code xbuf}, {@code x->in}), or the
 *                pointer itself for an empty path ({@code ring} in {@code ring->wait(...)})
 * @param members the embedded members, outermost first
 */
public record MemberPath(Expr root, List<String> members) {

    private static final int MAX_DEPTH = 8;

    public MemberPath {
        members = List.copyOf(members);
    }

    /**
     * The struct a member is read from or written to: {@code *base} for {@code base->field},
     * {@code base} itself for {@code base.field}. {@code f}, when given, lets a local pointer
     * assigned once stand for its value ({@code ring = &xbuf->obnd.ring; ring->wait(...)}).
     */
    public static MemberPath holder(FunctionFacts f, Expr base, boolean arrow) {
        return arrow ? pointee(f, base, 0) : designated(base);
    }

    /** The struct a pointer points to: {@code &xbuf->obnd.ring} is {@code [obnd, ring]}; a pointer read from memory is anywhere. */
    public static MemberPath pointee(FunctionFacts f, Expr pointer) {
        return pointee(f, pointer, 0);
    }

    private static MemberPath pointee(FunctionFacts f, Expr pointer, int depth) {
        Expr cur = Expr.withoutParens(pointer);
        if (cur instanceof Expr.Unary u && u.op().equals("&")) {
            return designated(u.operand());
        }
        if (cur instanceof Expr.Name n && f != null && f.paramIndex(n.id()) < 0 && depth < MAX_DEPTH) {
            List<Expr> assigned = f.locals().get(n.id());
            if (assigned != null && assigned.size() == 1) {
                return pointee(f, assigned.get(0), depth + 1);
            }
        }
        return new MemberPath(cur, List.of());
    }

    /** The struct an lvalue designates: {@code xbuf->ibnd.ring} is {@code [ibnd, ring]} hanging from {@code xbuf}. */
    static MemberPath designated(Expr lvalue) {
        Expr cur = Expr.withoutParens(lvalue);
        List<String> members = new ArrayList<>();
        while (cur instanceof Expr.Member m) {
            members.add(m.field());
            cur = Expr.withoutParens(m.owner());
            if (m.arrow()) {
                break;
            }
        }
        Collections.reverse(members);
        return new MemberPath(cur, members);
    }

    /**
     * Whether the struct this path reaches may be the one {@code other} (a binding's members)
     * reaches: the shorter is a suffix of the longer. {@code [obnd, ring]} is not
     * {@code [ibnd, ring]}; {@code [ring]} may be either; an empty path may be anything.
     */
    public boolean mayBe(List<String> other) {
        int n = Math.min(members.size(), other.size());
        for (int i = 1; i <= n; i++) {
            if (!members.get(members.size() - i).equals(other.get(other.size() - i))) {
                return false;
            }
        }
        return true;
    }

}
