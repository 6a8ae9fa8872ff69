package io.github.dovelint.kb;

import java.util.List;

/**
 * The kernel names the rules look for by the part they play rather than by
 * their effect (which {@code functions:} describes): the members a driver
 * binds its out-of-band handlers to, the RCU fd lookups, the fd table's
 * accessor, the ways to drop an entry from a container, a core's helpers
 * that set and tear down the oob pointer. The bundled
 * {@code kernel.yml} declares each one under {@code roles:}; a test checks
 * that it declares all of {@link #ALL}.
 */
public final class Roles {

    private Roles() {
    }

    /**
     * Members whose handlers run on the out-of-band stage (docs/contracts.md#c8-oob-handlers-never-call-in-band-services):
     * {@code oob_read} of a {@code struct file_operations}, or {@code evl_net_proto.oob_send} of the struct named.
     */
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

    /** Calls that publish a file in an fd table, after which install_inband_fd() has run (docs/contracts.md#c51-set-before-the-fd-is-published). */
    public static final String FD_PUBLISHERS = "fd-publishers";

    /**
     * A core's helpers that set the oob pointer of the file passed as argument 1 to the object passed as
     * argument 0, for when their bodies are not in the run (docs/contracts.md#c51-set-before-the-fd-is-published).
     */
    public static final String OOB_OPEN_HELPERS = "oob-open-helpers";
    /** A core's helpers that tear down the oob object passed as argument 0 (docs/contracts.md#c52-torn-down-in-release). */
    public static final String OOB_RELEASE_HELPERS = "oob-release-helpers";
    /** Reference drops that tell the last user, who then frees (docs/contracts.md#c52-torn-down-in-release). */
    public static final String REF_DROPS = "ref-drops";

    /**
     * Tests true on the in-band stage ({@code running_inband()}): what runs only behind their true
     * side never runs on the oob stage (docs/contracts.md#c8-oob-handlers-never-call-in-band-services).
     */
    public static final String INBAND_STAGE_TESTS = "inband-stage-tests";
    /** Tests true on the oob stage ({@code running_oob()}): their false side is in-band. */
    public static final String OOB_STAGE_TESTS = "oob-stage-tests";

    /**
     * A core's functions that move the calling thread to the in-band stage ({@code evl_switch_inband()}):
     * calling one from the oob stage is what it is for, what it does after the switch is in-band,
     * and so is what its caller does after it (docs/contracts.md#c8-oob-handlers-never-call-in-band-services).
     */
    public static final String INBAND_SWITCHES = "inband-switches";

    /** Every role the rules read. */
    public static final List<String> ALL = List.of(OOB_HANDLERS, RCU_FD_LOOKUPS, FDTABLE_ACCESSORS, LAST_REFERENCE_TESTS,
            ENTRY_REMOVALS, FD_PUBLISHERS, OOB_OPEN_HELPERS, OOB_RELEASE_HELPERS, REF_DROPS,
            INBAND_STAGE_TESTS, OOB_STAGE_TESTS, INBAND_SWITCHES);
}
