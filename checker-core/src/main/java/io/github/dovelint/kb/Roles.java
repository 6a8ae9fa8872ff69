package io.github.dovelint.kb;

import java.util.List;

/**
 * The kernel names the rules look for by the part they play rather than by
 * their effect (which {@code functions:} describes): the members a driver
 * binds its out-of-band handlers to, the RCU fd lookups, the fd table's
 * accessor, the ways to drop an entry from a container. The bundled
 * {@code kernel.yml} declares each one under {@code roles:}; a test checks
 * that it declares all of {@link #ALL}.
 */
public final class Roles {

    private Roles() {
    }

    /** {@code struct file_operations} members whose handlers run on the out-of-band stage (docs/contracts.md#c8-oob-handlers-never-call-in-band-services). */
    public static final String OOB_HANDLERS = "oob-handlers";
    /** fd lookups that take no reference and are valid only under RCU (docs/contracts.md#t3-rcu-fd-lookups-run-inside-an-rcu-read-side-section). */
    public static final String RCU_FD_LOOKUPS = "rcu-fd-lookups";
    /** Accessors of a {@code files_struct}'s fd table (docs/contracts.md#t1-the-fd-table-is-read-under-rcu-or-the-fd-table-lock). */
    public static final String FDTABLE_ACCESSORS = "fdtable-accessors";
    /**
     * Tests that drop a reference and say whether it was the last one ({@code atomic_dec_and_test()}):
     * their true side owns the object alone (docs/contracts.md#t1-the-fd-table-is-read-under-rcu-or-the-fd-table-lock).
     */
    public static final String LAST_REFERENCE_TESTS = "last-reference-tests";
    /** Calls that remove an entry from a container or free it (docs/contracts.md#c6-the-per-fd-index-a-core-maintains). */
    public static final String ENTRY_REMOVALS = "entry-removals";

    /** Every role the rules read. */
    public static final List<String> ALL = List.of(OOB_HANDLERS, RCU_FD_LOOKUPS, FDTABLE_ACCESSORS, LAST_REFERENCE_TESTS,
            ENTRY_REMOVALS);
}
