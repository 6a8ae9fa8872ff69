package io.github.dovelint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.kerneldb.KernelDb;
import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.kerneldb.KernelDbs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled kernel.yml loads, and over each shipped kernel database (what a run knows by default)
 * covers the APIs the hook contracts (docs/contracts.md) name.
 */
class BundledKnowledgeBaseTest {

    static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBase.bundled();
    }

    @Test
    void hooksAndFields() {
        assertEquals(List.of("install_inband_fd", "replace_inband_fd", "uninstall_inband_fd"), kb.hooks());
        assertEquals(List.of("oob_data", "f_oob_ctx", "f_oob_state.data"), kb.oobFields());
    }

    @Test
    void everyRoleTheRulesReadIsDeclared() {
        for (String role : Roles.ALL) {
            assertTrue(!kb.role(role).isEmpty(), role);
        }
        assertEquals(Roles.ALL.stream().sorted().toList(), List.copyOf(kb.roles().keySet()));
        assertEquals(List.of("lookup_fd_rcu", "files_lookup_fd_rcu"), kb.role(Roles.RCU_FD_LOOKUPS));
    }

    /** What a run knows of {@code name} by default: kernel.yml over the shipped database {@code db}. */
    private static Optional<FunctionSpec> known(String db, String name) throws Exception {
        KernelDb kernel = KernelDbs.load(KernelDbChoice.shipped(db), db);
        return kb.withDatabase(kernel, kernel.checksum()).function(name);
    }

    private static FunctionSpec spec(String db, String name) throws Exception {
        return known(db, name).orElseThrow(() -> new AssertionError(db + ": nothing known of " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1", "linux-6.12"})
    void contract1SleepingCalls(String db) throws Exception {
        for (String f : List.of("mutex_lock", "mutex_lock_interruptible", "down", "down_interruptible",
                "msleep", "ssleep", "usleep_range", "schedule", "schedule_timeout", "cond_resched",
                "wait_event", "wait_event_interruptible", "wait_for_completion",
                "wait_for_completion_timeout", "synchronize_rcu", "synchronize_srcu", "synchronize_net",
                "flush_work", "cancel_work_sync", "cancel_delayed_work_sync", "vmalloc",
                "copy_from_user", "copy_to_user", "get_user", "put_user", "might_sleep")) {
            assertTrue(spec(db, f).maySleep(), db + ": " + f);
        }
        // kvmalloc sleeps through its mask: it only falls back to vmalloc when the mask may block.
        assertEquals(1, spec(db, "kvmalloc").gfpArg().getAsInt());
        assertEquals(1, spec(db, "kmem_cache_alloc").gfpArg().getAsInt());
        assertEquals(1, spec(db, "kmalloc").gfpArg().getAsInt());
        assertEquals(2, spec(db, "kcalloc").gfpArg().getAsInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1", "linux-6.12"})
    void contract2FileLockTakers(String db) throws Exception {
        for (String f : List.of("close_fd", "fd_install", "get_unused_fd_flags", "put_unused_fd", "replace_fd",
                "set_close_on_exec", "iterate_fd", "receive_fd", "receive_fd_replace",
                db.equals("linux-6.1") ? "close_fd_get_file" : "file_close_fd")) {
            assertTrue(spec(db, f).takesFileLock(), db + ": " + f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1", "linux-6.12"})
    void contract4CurrentUses(String db) throws Exception {
        for (String f : List.of("fget", "fget_raw", "fdget", "fdget_pos", "fdget_raw", "lookup_fd_rcu",
                "close_fd", "get_unused_fd_flags", "fd_install")) {
            assertTrue(spec(db, f).uses().contains(Use.CURRENT_FILES), db + ": " + f);
        }
        for (String f : List.of("copy_from_user", "copy_to_user", "get_user", "put_user", "access_ok")) {
            assertTrue(spec(db, f).uses().contains(Use.CURRENT_MM), db + ": " + f);
        }
        assertTrue(spec(db, "get_task_mm").uses().contains(Use.TASK_MM));
        assertEquals(0, spec(db, "get_task_mm").taskArg().getAsInt());
        // explicit files or mm: no implicit use
        assertTrue(known(db, "files_lookup_fd_rcu").map(FunctionSpec::uses).orElse(Set.of()).isEmpty(), db);
        assertTrue(spec(db, "mmap_read_lock").uses().isEmpty(), db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1", "linux-6.12"})
    void nonSleepingAndFrees(String db) throws Exception {
        for (String f : List.of("kfree", "spin_lock", "raw_spin_lock_irqsave", "rcu_read_lock", "get_file",
                "fput", "wake_up", "complete", "queue_work", "call_rcu", "kfree_rcu", "mutex_trylock")) {
            Optional<FunctionSpec> spec = known(db, f);
            assertTrue(spec.isEmpty() || !spec.get().maySleep() && spec.get().gfpArg().isEmpty(), db + ": " + f);
        }
        assertTrue(spec(db, "fput").knownNotToSleep(), "kernel.yml corrects the database: " + db);
        assertEquals(0, spec(db, "kfree").freesArg().getAsInt());
        assertEquals(1, spec(db, "kmem_cache_free").freesArg().getAsInt());
        assertTrue(spec(db, "vfree").maySleep());
        assertEquals(0, spec(db, "put_files_struct").freesArg().getAsInt(), "derived: " + db);
    }

    @Test
    void everyEntryHasAReason() {
        for (FunctionSpec s : kb.functions().values()) {
            assertTrue(s.why().isPresent(), s.name());
            assertFalse(s.attributes().size() < 2, s.name());
        }
    }

    @Test
    void theEngineShipsItBesideItsLoader() throws Exception {
        // kernel.yml is a resource of checker-core itself, so the engine alone can always load it
        assertTrue(KnowledgeBase.class.getResource(KnowledgeBase.RESOURCE) != null);
        assertSame(KnowledgeBase.bundled(), KnowledgeBase.bundled(), "read once");
    }
}
