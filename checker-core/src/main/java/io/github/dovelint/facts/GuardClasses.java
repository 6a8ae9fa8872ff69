package io.github.dovelint.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each scope-based cleanup class of the kernel's {@code include/linux/cleanup.h}
 * means, by the plain calls it stands for: {@code guard(mutex)(&m)} is
 * {@code mutex_lock(&m)} now and {@code mutex_unlock(&m)} when the scope ends;
 * {@code CLASS(fd, f)(fd)} is {@code f = fdget(fd)} now and {@code fdput(f)}
 * then. The facts layer turns every use into those calls ({@link ScopeCleanups},
 * {@link CfgBuilder}), so that everything downstream (the sleep entries of the
 * knowledge base, {@link LockApis}, the file_lock and current->files checks)
 * works on them unchanged (docs/contracts.md#c1-hooks-never-sleep,
 * #c2-hooks-never-take-or-drop-the-fd-table-lock,
 * #c4-uninstall-never-relies-on-the-current-task).
 *
 * <p>This is data, not code: {@link #defaults()} holds the classes that Linux
 * 6.12's headers define with {@code DEFINE_GUARD}, {@code DEFINE_LOCK_GUARD_0/1},
 * {@code DEFINE_GUARD_COND} and {@code DEFINE_CLASS} ({@code mutex.h},
 * {@code spinlock.h}, {@code rwsem.h}, {@code rcupdate.h}, {@code preempt.h},
 * {@code irqflags.h}, {@code srcu.h}, {@code file.h}); the map constructor is
 * there so that a {@code guards:} section of the knowledge base can supply the
 * table instead. The {@code _try} classes are left out: their acquire is a
 * trylock, whose success the graph would have to test.
 */
public final class GuardClasses {

    /** What the cleanup at scope end is given. */
    public enum ReleaseArgument {
        /** The lock: the first argument of the acquire ({@code mutex_unlock(&m)}). */
        LOCK,
        /** Nothing ({@code rcu_read_unlock()}). */
        NONE,
        /** The declared variable ({@code fdput(f)}): for {@code CLASS(name, var)}. */
        VARIABLE
    }

    /**
     * One class.
     *
     * @param name    the class name as written in {@code guard(name)} / {@code CLASS(name, var)}
     * @param acquire the function its constructor calls with the use's arguments
     * @param release the function its destructor calls at scope end
     * @param releaseArgument what the release is given
     */
    public record GuardClass(String name, String acquire, String release, ReleaseArgument releaseArgument) {
    }

    private final Map<String, GuardClass> classes;

    /** @param classes the classes by name */
    public GuardClasses(Map<String, GuardClass> classes) {
        this.classes = Map.copyOf(classes);
    }

    /** The class called {@code name}, or null when unknown (its use then keeps only its arguments' calls). */
    public GuardClass find(String name) {
        return classes.get(name);
    }

    private static final GuardClasses DEFAULTS = build();

    /** The classes of Linux 6.12 (see the class comment). */
    public static GuardClasses defaults() {
        return DEFAULTS;
    }

    private static GuardClasses build() {
        Map<String, GuardClass> m = new LinkedHashMap<>();
        ReleaseArgument lock = ReleaseArgument.LOCK;
        ReleaseArgument none = ReleaseArgument.NONE;
        ReleaseArgument variable = ReleaseArgument.VARIABLE;
        // mutex.h, rwsem.h
        add(m, "mutex", "mutex_lock", "mutex_unlock", lock);
        add(m, "mutex_intr", "mutex_lock_interruptible", "mutex_unlock", lock);
        add(m, "rwsem_read", "down_read", "up_read", lock);
        add(m, "rwsem_read_intr", "down_read_interruptible", "up_read", lock);
        add(m, "rwsem_write", "down_write", "up_write", lock);
        // spinlock.h
        for (String prefix : new String[] {"", "raw_"}) {
            String cls = prefix + "spinlock";
            String fn = prefix + "spin_";
            add(m, cls, fn + "lock", fn + "unlock", lock);
            add(m, cls + "_irq", fn + "lock_irq", fn + "unlock_irq", lock);
            add(m, cls + "_irqsave", fn + "lock_irqsave", fn + "unlock_irqrestore", lock);
            add(m, cls + "_bh", fn + "lock_bh", fn + "unlock_bh", lock);
        }
        add(m, "raw_spinlock_nested", "raw_spin_lock_nested", "raw_spin_unlock", lock);
        for (String rw : new String[] {"read", "write"}) {
            add(m, rw + "_lock", rw + "_lock", rw + "_unlock", lock);
            add(m, rw + "_lock_irq", rw + "_lock_irq", rw + "_unlock_irq", lock);
            add(m, rw + "_lock_irqsave", rw + "_lock_irqsave", rw + "_unlock_irqrestore", lock);
        }
        // rcupdate.h, srcu.h, preempt.h, irqflags.h
        add(m, "rcu", "rcu_read_lock", "rcu_read_unlock", none);
        add(m, "srcu", "srcu_read_lock", "srcu_read_unlock", lock);
        add(m, "preempt", "preempt_disable", "preempt_enable", none);
        add(m, "preempt_notrace", "preempt_disable_notrace", "preempt_enable_notrace", none);
        add(m, "irq", "local_irq_disable", "local_irq_enable", none);
        add(m, "irqsave", "local_irq_save", "local_irq_restore", none);
        // file.h: a reference on a file looked up in current->files
        add(m, "fd", "fdget", "fdput", variable);
        add(m, "fd_raw", "fdget_raw", "fdput", variable);
        add(m, "fd_pos", "fdget_pos", "fdput_pos", variable); // from Linux 6.13
        return new GuardClasses(m);
    }

    private static void add(Map<String, GuardClass> m, String name, String acquire, String release,
                            ReleaseArgument argument) {
        m.put(name, new GuardClass(name, acquire, release, argument));
    }
}
