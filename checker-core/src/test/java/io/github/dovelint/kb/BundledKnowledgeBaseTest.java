package io.github.dovelint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The bundled kernel.yml loads and holds the APIs the hook contracts (docs/contracts.md) name. */
class BundledKnowledgeBaseTest {

    static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBase.bundled();
    }

    private FunctionSpec spec(String name) {
        return kb.function(name).orElseThrow(() -> new AssertionError("missing " + name));
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

    @Test
    void contract1SleepingCalls() {
        for (String f : List.of("mutex_lock", "mutex_lock_interruptible", "down", "down_interruptible",
                "msleep", "ssleep", "usleep_range", "schedule", "schedule_timeout", "cond_resched",
                "wait_event", "wait_event_interruptible", "wait_for_completion",
                "wait_for_completion_timeout", "synchronize_rcu", "synchronize_srcu", "synchronize_net",
                "flush_work", "cancel_work_sync", "cancel_delayed_work_sync", "vmalloc",
                "copy_from_user", "copy_to_user", "get_user", "put_user", "might_sleep")) {
            assertTrue(spec(f).maySleep(), f);
        }
        // kvmalloc sleeps through its mask: it only falls back to vmalloc when the mask may block.
        assertEquals(1, spec("kvmalloc").gfpArg().getAsInt());
        assertEquals(1, spec("kmem_cache_alloc").gfpArg().getAsInt());
        assertEquals(1, spec("kmalloc").gfpArg().getAsInt());
        assertEquals(2, spec("kcalloc").gfpArg().getAsInt());
    }

    @Test
    void contract2FileLockTakers() {
        for (String f : List.of("close_fd", "file_close_fd", "fd_install", "get_unused_fd_flags",
                "put_unused_fd", "alloc_fd", "replace_fd", "set_close_on_exec", "iterate_fd",
                "expand_files", "receive_fd", "receive_fd_replace")) {
            assertTrue(spec(f).takesFileLock(), f);
        }
    }

    @Test
    void contract4CurrentUses() {
        for (String f : List.of("fget", "fget_raw", "fdget", "fdget_pos", "fdget_raw", "lookup_fd_rcu",
                "close_fd", "get_unused_fd_flags", "fd_install")) {
            assertTrue(spec(f).uses().contains(Use.CURRENT_FILES), f);
        }
        for (String f : List.of("copy_from_user", "copy_to_user", "get_user", "put_user", "access_ok")) {
            assertTrue(spec(f).uses().contains(Use.CURRENT_MM), f);
        }
        assertTrue(spec("get_task_mm").uses().contains(Use.TASK_MM));
        assertEquals(0, spec("get_task_mm").taskArg().getAsInt());
        assertTrue(spec("files_lookup_fd_rcu").uses().isEmpty());
        assertTrue(spec("mmap_read_lock").uses().isEmpty());
    }

    @Test
    void nonSleepingAndFrees() {
        for (String f : List.of("kfree", "spin_lock", "raw_spin_lock_irqsave", "rcu_read_lock", "get_file",
                "fput", "wake_up", "complete", "queue_work", "call_rcu", "kfree_rcu")) {
            assertTrue(spec(f).knownNotToSleep(), f);
        }
        assertEquals(0, spec("kfree").freesArg().getAsInt());
        assertEquals(1, spec("kmem_cache_free").freesArg().getAsInt());
        assertTrue(spec("vfree").maySleep());
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
