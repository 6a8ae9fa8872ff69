package io.github.dovelint.facts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the kernel's locking calls by name. This is the kernel's own
 * naming scheme ({@code <family>_lock[_irq|_irqsave|_bh|_nested]} and the
 * matching unlocks), fixed by the kernel's locking API rather than by a
 * project, so it lives with the facts and needs no configuration.
 */
public final class LockApis {

    private record Shape(Pattern pattern, LockOp.Action action, String family, boolean lockArgument) {
    }

    private static final String SPIN_FAMILY = "(raw_|hard_)?spin";

    private static final List<Shape> SHAPES = List.of(
            shape(SPIN_FAMILY + "_lock(_irq|_irqsave|_bh|_nested|_irqsave_nested|_bh_nested)?", LockOp.Action.ACQUIRE, null, true),
            shape(SPIN_FAMILY + "_unlock(_irq|_irqrestore|_bh)?", LockOp.Action.RELEASE, null, true),
            shape(SPIN_FAMILY + "_trylock(_irq|_irqsave|_bh)?", LockOp.Action.TRY_ACQUIRE, null, true),
            shape(SPIN_FAMILY + "_is_locked", LockOp.Action.QUERY, null, true),
            shape("(read|write)_lock(_irq|_irqsave|_bh)?", LockOp.Action.ACQUIRE, "rwlock", true),
            shape("(read|write)_unlock(_irq|_irqrestore|_bh)?", LockOp.Action.RELEASE, "rwlock", true),
            shape("(read|write)_trylock", LockOp.Action.TRY_ACQUIRE, "rwlock", true),
            shape("mutex_lock(_interruptible|_killable|_nested|_io|_interruptible_nested|_killable_nested)?",
                    LockOp.Action.ACQUIRE, "mutex", true),
            shape("mutex_unlock", LockOp.Action.RELEASE, "mutex", true),
            shape("mutex_trylock", LockOp.Action.TRY_ACQUIRE, "mutex", true),
            shape("mutex_is_locked", LockOp.Action.QUERY, "mutex", true),
            shape("down_(read|write)(_killable|_interruptible|_nested)?", LockOp.Action.ACQUIRE, "rwsem", true),
            shape("up_(read|write)", LockOp.Action.RELEASE, "rwsem", true),
            shape("down_(read|write)_trylock", LockOp.Action.TRY_ACQUIRE, "rwsem", true),
            shape("down(_interruptible|_killable|_timeout)?", LockOp.Action.ACQUIRE, "semaphore", true),
            shape("up", LockOp.Action.RELEASE, "semaphore", true),
            shape("down_trylock", LockOp.Action.TRY_ACQUIRE, "semaphore", true),
            shape("rcu_read_lock", LockOp.Action.ACQUIRE, "rcu", false),
            shape("rcu_read_unlock", LockOp.Action.RELEASE, "rcu", false),
            shape("rcu_read_lock_sched(_notrace)?", LockOp.Action.ACQUIRE, "rcu_sched", false),
            shape("rcu_read_unlock_sched(_notrace)?", LockOp.Action.RELEASE, "rcu_sched", false),
            shape("rcu_read_lock_bh", LockOp.Action.ACQUIRE, "rcu_bh", false),
            shape("rcu_read_unlock_bh", LockOp.Action.RELEASE, "rcu_bh", false),
            shape("srcu_read_lock", LockOp.Action.ACQUIRE, "srcu", true),
            shape("srcu_read_unlock", LockOp.Action.RELEASE, "srcu", true),
            shape("preempt_disable(_notrace)?", LockOp.Action.ACQUIRE, "preempt", false),
            shape("preempt_enable(_notrace|_no_resched)?", LockOp.Action.RELEASE, "preempt", false),
            shape("(hard_)?local_irq_(disable|save)", LockOp.Action.ACQUIRE, "irq", false),
            shape("(hard_)?local_irq_(enable|restore)", LockOp.Action.RELEASE, "irq", false),
            shape("local_bh_disable", LockOp.Action.ACQUIRE, "bh", false),
            shape("local_bh_enable", LockOp.Action.RELEASE, "bh", false),
            shape("lockdep_assert_held(_once|_read|_write|_exclusive)?", LockOp.Action.ASSERT_HELD, "lockdep", true),
            shape("assert_spin_locked|assert_raw_spin_locked", LockOp.Action.ASSERT_HELD, "spin", true),
            // sparse's annotations, as LockAnnotations reads them off a definition
            shape("__must_hold|__releases", LockOp.Action.ASSERT_HELD, "context", true));

    /**
     * The names a function must mention to take or drop what protects an fd table: the RCU
     * read-side flavours above, and any {@code ->file_lock} (the lock the other shapes are given).
     * Slicing keeps a helper for the fd-table rules only if it mentions one of these; keep the
     * list in step with the rcu shapes.
     */
    public static final java.util.List<String> FD_TABLE_LOCK_NAMES = java.util.List.of("rcu_read_lock",
            "rcu_read_unlock", "rcu_read_lock_sched*", "rcu_read_unlock_sched*", "rcu_read_lock_bh",
            "rcu_read_unlock_bh", "file_lock");

    private LockApis() {
    }

    private static Shape shape(String regex, LockOp.Action action, String family, boolean lockArgument) {
        return new Shape(Pattern.compile(regex), action, family, lockArgument);
    }

    /** How a function name classifies: its shape's action, family and whether arg 0 is the lock. */
    private record Kind(LockOp.Action action, String family, boolean lockArgument) {
    }

    private static final Kind NOT_A_LOCK = new Kind(null, null, false);

    /** Every call of a tree is classified: remember each name's answer instead of running 33 regexes. */
    private static final java.util.Map<String, Kind> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The lock operation a call performs, or null when it is not a locking call. */
    static LockOp classify(CallFact call) {
        if (!(call.callee() instanceof Callee.Named named)) {
            return null;
        }
        String name = named.name();
        Kind k = !mayBeLock(name) ? NOT_A_LOCK
                : KINDS.size() < 100_000 ? KINDS.computeIfAbsent(name, LockApis::kindOf) : kindOf(name);
        if (k == NOT_A_LOCK) {
            return null;
        }
        String lock = k.lockArgument() && call.arg(0) != null ? lockText(call.arg(0)) : "";
        return new LockOp(k.action(), k.family(), name, lock, call.location());
    }

    /**
     * How every name of {@link #SHAPES} starts: a name that starts otherwise is no lock call,
     * known without a regular expression or a cache entry (a whole kernel calls more distinct
     * names than the cache keeps). Keep in step with the shapes.
     */
    private static final String[] PREFIXES = {"spin_", "raw_spin_", "hard_spin_", "read_", "write_", "mutex_",
        "down", "up", "rcu_read_", "srcu_read_", "preempt_", "local_", "hard_local_irq_", "lockdep_assert_held",
        "assert_", "__must_hold", "__releases"};

    private static boolean mayBeLock(String name) {
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static Kind kindOf(String name) {
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(name);
            if (m.matches()) {
                String family = s.family() != null ? s.family()
                        : (m.group(1) == null ? "" : m.group(1)) + "spin";
                return new Kind(s.action(), family, s.lockArgument());
            }
        }
        return NOT_A_LOCK;
    }

    /** {@code &files->file_lock} and {@code &(files->file_lock)} both read {@code files->file_lock}. */
    static String lockText(Expr e) {
        Expr cur = e;
        if (cur instanceof Expr.Unary u && u.op().equals("&")) {
            cur = u.operand();
        }
        String text = Expr.canonical(cur);
        return text.startsWith("&") ? text.substring(1).strip() : text;
    }
}
