package io.github.dovelint.facts;

import java.util.Map;
import java.util.TreeMap;

/**
 * What each scope-based cleanup class ({@code include/linux/cleanup.h}) means, by
 * the plain calls it stands for: {@code guard(mutex)(&m)} is {@code mutex_lock(&m)}
 * now and {@code mutex_unlock(&m)} when the scope ends; {@code CLASS(fd, f)(fd)} is
 * {@code f = fdget(fd)} now and {@code fdput(f)} then. The facts layer turns every
 * use into those calls ({@link ScopeCleanups}, {@link CfgBuilder}), so that
 * everything downstream (the sleep entries of the knowledge base, {@link LockApis},
 * the file_lock and current->files checks) works on them unchanged
 * (docs/contracts.md#c1-hooks-never-sleep,
 * #c2-hooks-never-take-or-drop-the-fd-table-lock,
 * #c4-uninstall-never-relies-on-the-current-task).
 *
 * <p>This is data: the table comes from the {@code guard-classes:} section of the
 * knowledge base, with a project's own classes added by its configuration.
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

    private static final GuardClasses NONE = new GuardClasses(Map.of());

    private final Map<String, GuardClass> classes;

    /** @param classes the classes by name */
    public GuardClasses(Map<String, GuardClass> classes) {
        this.classes = Map.copyOf(classes);
    }

    /** No class at all: every use keeps only its arguments' calls. */
    public static GuardClasses none() {
        return NONE;
    }

    /** The class called {@code name}, or null when unknown (its use then keeps only its arguments' calls). */
    public GuardClass find(String name) {
        return classes.get(name);
    }

    /** The classes by name, sorted. */
    public Map<String, GuardClass> classes() {
        return new TreeMap<>(classes);
    }

    /** This table with {@code added} laid over it: a class of the same name is replaced. */
    public GuardClasses with(Map<String, GuardClass> added) {
        if (added.isEmpty()) {
            return this;
        }
        Map<String, GuardClass> merged = new TreeMap<>(classes);
        merged.putAll(added);
        return new GuardClasses(merged);
    }

    /** A stable text of the whole table, for the keys of what is cached from it. */
    public String fingerprint() {
        StringBuilder out = new StringBuilder();
        for (GuardClass c : classes().values()) {
            out.append(c.name()).append('=').append(c.acquire()).append('/').append(c.release())
                    .append('/').append(c.releaseArgument()).append(';');
        }
        return out.toString();
    }
}
