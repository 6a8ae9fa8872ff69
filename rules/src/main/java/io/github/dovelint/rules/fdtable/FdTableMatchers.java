package io.github.dovelint.rules.fdtable;

import static io.github.dovelint.match.Matchers.call;
import static io.github.dovelint.match.Matchers.index;
import static io.github.dovelint.match.Matchers.member;

import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.LockApis;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Roles;
import io.github.dovelint.match.EventMatcher;
import io.github.dovelint.match.ExprMatcher;
import io.github.dovelint.match.Footprint;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the fd-table rules look at, each stated once with its footprint: the
 * table's accessor, a read of its {@code fd[]} array, the RCU lookups. The
 * fd table is read under {@code rcu_read_lock()} or with
 * {@code files->file_lock} held (docs/contracts.md#t1-the-fd-table-is-read-under-rcu-or-the-fd-table-lock).
 */
final class FdTableMatchers {

    private FdTableMatchers() {
    }

    /** A call of the fd table's accessor ({@code files_fdtable()}), which checks its protection with lockdep. */
    static final EventMatcher FILES_FDTABLE_CALL = call(kb -> kb.role(Roles.FDTABLE_ACCESSORS));
    /** A read of {@code fdt->fd[i]}, of any expression that is an fd table. */
    static final EventMatcher FD_ARRAY_READ = index(member("fd").of(fdtable()));
    /** What DL301 reports when unprotected. */
    static final EventMatcher FDTABLE_READ = FILES_FDTABLE_CALL.or(FD_ARRAY_READ);
    /** A call of an RCU lookup, which returns a file without taking a reference: only valid inside RCU. */
    static final EventMatcher LOOKUP_CALL = call(kb -> kb.role(Roles.RCU_FD_LOOKUPS));

    /** What takes or drops an RCU read lock or a {@code ->file_lock}: the fd table's protection. */
    static Footprint fdTableLocks(KnowledgeBase kb) {
        return Footprint.anyOf(LockApis.FD_TABLE_LOCK_NAMES);
    }

    /**
     * Whether {@code f} documents the fd table's protection as its caller's: a comment before it
     * or opening its body says the caller holds the RCU read lock or a {@code file_lock} (Linux's
     * own comments also spell it {@code files_lock}).
     */
    static boolean documentsProtection(FunctionFacts f) {
        for (String lock : f.callerHolds()) {
            if (lock.equals("rcu_read_lock") || lock.endsWith("file_lock") || lock.endsWith("files_lock")) {
                return true;
            }
        }
        return false;
    }

    /** An {@code fd[]} index in an argument's text ({@code fdt->fd[fd]}); compiled once. */
    private static final Pattern FD_INDEX = Pattern.compile(".*\\bfd\\[.*");

    /**
     * A call that returns a file found under RCU: one of the knowledge base's RCU fd lookups, or
     * {@code rcu_dereference(fdt->fd[fd])} (not the {@code _protected} form, whose caller holds
     * the lock).
     */
    static final ExprMatcher RCU_LOOKUP = new ExprMatcher() {
        @Override
        public boolean matches(Expr e, FunctionFacts in, KnowledgeBase kb) {
            return e instanceof Expr.Call c && isRcuLookup(c, kb);
        }

        @Override
        public Footprint footprint(KnowledgeBase kb) {
            return Footprint.anyOf(kb.role(Roles.RCU_FD_LOOKUPS)).or(Footprint.allOf("rcu_dereference*", "fd["));
        }
    };

    /** See {@link #RCU_LOOKUP}. */
    static boolean isRcuLookup(Expr.Call c, KnowledgeBase kb) {
        return isRcuLookup(c.callee(), c.args().isEmpty() ? null : c.args().get(0), kb);
    }

    /** Whether a call of {@code callee} whose first argument is {@code first} (null: none) is an RCU lookup. */
    static boolean isRcuLookup(String callee, Expr first, KnowledgeBase kb) {
        return kb.role(Roles.RCU_FD_LOOKUPS).contains(callee) || callee.startsWith("rcu_dereference")
                && !callee.equals("rcu_dereference_protected") && first != null && indexesFd(first);
    }

    /** Whether an expression's text holds an {@code fd[...]} subscript. */
    static boolean indexesFd(Expr e) {
        return FD_INDEX.matcher(e.text().replace(" ", "")).matches();
    }

    /**
     * An fd table: {@code x->fdt}, {@code files_fdtable(x)}, {@code rcu_dereference*(x->fdt)}, or
     * a local assigned one of those or named {@code fdt} / {@code *_fdt}.
     */
    static ExprMatcher fdtable() {
        return new ExprMatcher() {
            @Override
            public boolean matches(Expr owner, FunctionFacts f, KnowledgeBase kb) {
                if (owner instanceof Expr.Member m) {
                    return m.field().equals("fdt");
                }
                if (owner instanceof Expr.Call c) {
                    return filesOf(c, kb) != null;
                }
                if (owner instanceof Expr.Name n) {
                    List<Expr> values = f.locals().get(n.id());
                    if (values != null && values.stream().anyMatch(v -> filesOf(v, kb) != null)) {
                        return true;
                    }
                    return n.id().equals("fdt") || n.id().endsWith("_fdt");
                }
                return false;
            }

            @Override
            public Footprint footprint(KnowledgeBase kb) {
                // Every case above writes "fdt", a name ending "_fdt", or the accessor.
                return Footprint.anyOf("fdt", "*_fdt").or(Footprint.anyOf(kb.role(Roles.FDTABLE_ACCESSORS)));
            }
        };
    }

    /** The files argument of {@code files_fdtable(x)}, {@code rcu_dereference*(x->fdt)} or {@code x->fdt}, or null. */
    static Expr filesOf(Expr v, KnowledgeBase kb) {
        if (v instanceof Expr.Call c && c.args().size() >= 1) {
            if (kb.role(Roles.FDTABLE_ACCESSORS).contains(c.callee())) {
                return c.args().get(0);
            }
            if (c.callee().startsWith("rcu_dereference") && c.args().get(0) instanceof Expr.Member m
                    && m.field().equals("fdt")) {
                return m.owner();
            }
        }
        if (v instanceof Expr.Member m && m.field().equals("fdt")) {
            return m.owner();
        }
        return null;
    }
}
