package io.github.dovelint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a rule can look at, so that a run parses only that part of a large
 * tree (see {@code io.github.dovelint.slice.Slicer}): the functions it starts
 * from, and how far it follows callers and callees from them. The analysis a
 * rule makes must stay within what it declares here: then a run over the
 * slice finds exactly what a run over every file finds (a test checks it on
 * every sample). A rule without this annotation needs every file, and a run
 * with such a rule parses everything.
 *
 * <p>Names may be written {@code a+b} (a function that mentions both),
 * {@code prefix*} or {@code *suffix}; the knowledge base fills in
 * {@value #HOOKS}, {@value #OOB_FIELDS}, {@value #PLAIN_INCREASE},
 * {@value #COUNT_FIELDS} and {@value #FD_TABLE_LOCKS}. A rule with starting points of different kinds (hooks
 * followed down, oob writers followed up) repeats the annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Reach.List.class)
public @interface Reach {

    /** Several reaches of one rule. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Reach[] value();
    }

    /** The knowledge base's hook names. */
    String HOOKS = "{hooks}";
    /**
     * The names of {@code struct file}'s oob pointer. A function that mentions one is a
     * starting point only if its facts show an access to that member of a {@code struct file}
     * (other structs have members of that name too), so such files are parsed first.
     */
    String OOB_FIELDS = "{oob-fields}";
    /** The profile's functions that take a plain reference on a file. */
    String PLAIN_INCREASE = "{plain-increase}";
    /** The profile's names of a file's reference count member. */
    String COUNT_FIELDS = "{count-fields}";
    /** What takes or drops an RCU read lock or a {@code ->file_lock}: the fd table's protection. */
    String FD_TABLE_LOCKS = "{fd-table-locks}";
    /** No limit on the levels followed. */
    int ALL = -1;

    /** Functions this rule starts from by their name. */
    String[] defines() default {};

    /** Functions this rule starts from by what they mention (calls, members, macros they use). */
    String[] mentions() default {};

    /** Functions this rule starts from because they are bound to one of these members ({@code .oob_ioctl = f}). */
    String[] boundTo() default {};

    /** Levels of callers the rule looks at above its starting points ({@link #ALL}: every level). */
    int callers() default 0;

    /** Levels of callees the rule looks at below its starting points and their callers ({@link #ALL}: every level). */
    int callees() default ALL;

    /**
     * Whether a call through a struct member ({@code ops->release(f)}) counts as a call of
     * every function bound to that member anywhere. A rule that says no must not follow such
     * calls in its own analysis either.
     */
    boolean followsMembers() default true;

    /**
     * When not empty, the only callees that matter: those that mention one of these names
     * themselves or through their own callees, within the {@link #callees} levels.
     */
    String[] calleesMentioning() default {};
}
