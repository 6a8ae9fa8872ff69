package io.github.dovelint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.facts.GuardClasses;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.kerneldb.KernelDb;
import io.github.dovelint.kerneldb.KernelDbChoice;
import io.github.dovelint.kerneldb.KernelDbs;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseLoaderTest {

    private static final String HEAD = """
            hooks: [install_inband_fd]
            oob-fields: [oob_data]
            gfp:
              reclaim-flag: R
              flags: { R: 0x400, K: 0x800 }
              masks: { GFP_KERNEL: "R | K", GFP_ATOMIC: "K" }
            functions:
            """;

    private static String error(String functions) {
        return assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml", HEAD + functions))
                .getMessage();
    }

    @Test
    void parsesAttributes() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", HEAD + """
                  kmalloc: { gfp-arg: 1 }
                  get_task_mm: { uses: [task-mm], task-arg: 0, why: "w" }
                  close_fd: { uses: [current-files], takes-file-lock: true, sleeps: true }
                """);
        assertEquals(1, kb.function("kmalloc").orElseThrow().gfpArg().getAsInt());
        assertEquals("w", kb.function("get_task_mm").orElseThrow().why().orElseThrow());
        assertTrue(kb.function("close_fd").orElseThrow().takesFileLock());
        assertEquals(3, kb.functions().size());
        assertEquals("close_fd", kb.functions().firstKey());
    }

    @Test
    void errorsAreLocated() {
        assertEquals("kb.yml:8:13: unknown key 'sleep' (did you mean 'sleeps'? expected one of: clears-oob, "
                + "frees-arg, gfp-arg, kept, sets-oob, sleeps, takes-file-lock, task-arg, uses, why)",
                error("  msleep: { sleep: true }\n"));
        assertEquals("kb.yml:8:33: unknown reason 'headers' in 'kept' of function 'msleep' (did you mean 'header'? "
                + "expected one of: header, one-kernel, older, primitive, hidden, configuration, never-returns, "
                + "mask-tests, corrects)", error("  msleep: { sleeps: true, kept: headers }\n"));
        assertEquals("kb.yml:8:23: 'gfp-arg' of function 'kmalloc' must not be negative (got -1)",
                error("  kmalloc: { gfp-arg: -1 }\n"));
        assertEquals("kb.yml:8:21: 'sleeps' of function 'msleep' must be true or false, not 'yes'",
                error("  msleep: { sleeps: yes }\n"));
        assertTrue(error("  f: { uses: [current-fd] }\n").startsWith("kb.yml:8:15: unknown use 'current-fd'"));
        assertTrue(error("  f: { uses: [task-mm] }\n").startsWith("kb.yml:8:3: function 'f' uses task-files"));
        assertTrue(error("  f: { sleeps: true }\n  f: { sleeps: false }\n").startsWith("kb.yml:9:3: duplicate key 'f'"));
    }

    @Test
    void rolesAreNamedListsOfIdentifiers() throws Exception {
        String head = "hooks: [a]\noob-fields: [b]\ngfp:\n  reclaim-flag: R\n  flags: { R: 0x400 }\n";
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", head + "roles:\n  rcu-fd-lookups: [f, g]\n");
        assertEquals(List.of("f", "g"), kb.role(Roles.RCU_FD_LOOKUPS));
        assertEquals(List.of(), kb.role(Roles.OOB_HANDLERS));
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> KnowledgeBaseLoader.load("kb.yml", head + "roles:\n  rcu-lookups: [f]\n"));
        assertTrue(unknown.getMessage().startsWith("kb.yml:7:3: unknown key 'rcu-lookups'"), unknown.getMessage());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> KnowledgeBaseLoader.load("kb.yml", head + "roles:\n  oob-handlers: [oob-read]\n"));
        assertTrue(bad.getMessage().contains("'oob-read' in role 'oob-handlers' is not a member"), bad.getMessage());
        ConfigException dotted = assertThrows(ConfigException.class,
                () -> KnowledgeBaseLoader.load("kb.yml", head + "roles:\n  rcu-fd-lookups: [a.b]\n"));
        assertTrue(dotted.getMessage().contains("'a.b' in role 'rcu-fd-lookups' is not a C identifier"),
                dotted.getMessage());
    }

    @Test
    void anOobHandlerMayNameItsStruct() throws Exception {
        String head = "hooks: [a]\noob-fields: [b]\ngfp:\n  reclaim-flag: R\n  flags: { R: 0x400 }\n";
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", head
                + "roles:\n  oob-handlers: [oob_read, evl_net_proto.oob_send]\n");
        assertEquals(List.of("oob_read", "evl_net_proto.oob_send"), kb.role(Roles.OOB_HANDLERS));
        ConfigException bad = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml", head
                + "roles:\n  oob-handlers: [a.b.c]\n"));
        assertTrue(bad.getMessage().startsWith("kb.yml:7:18: 'a.b.c' in role 'oob-handlers' is not a member: a C "
                + "identifier, or a struct's and a member's joined by a dot"), bad.getMessage());
    }

    @Test
    void guardClassesAreDataWithLocatedErrors() throws Exception {
        String head = "hooks: [a]\noob-fields: [b]\ngfp:\n  reclaim-flag: R\n  flags: { R: 0x400 }\n";
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", head + """
                guard-classes:
                  mutex: { acquire: mutex_lock, release: mutex_unlock }
                  rcu: { acquire: rcu_read_lock, release: rcu_read_unlock, release-argument: none }
                  fd: { acquire: fdget, release: fdput, release-argument: variable }
                """);
        assertEquals(new GuardClasses.GuardClass("mutex", "mutex_lock", "mutex_unlock",
                GuardClasses.ReleaseArgument.LOCK), kb.guardClasses().find("mutex"));
        assertEquals(GuardClasses.ReleaseArgument.NONE, kb.guardClasses().find("rcu").releaseArgument());
        assertEquals(GuardClasses.ReleaseArgument.VARIABLE, kb.guardClasses().find("fd").releaseArgument());
        assertEquals(null, KnowledgeBaseLoader.load("kb.yml", head).guardClasses().find("mutex"));
        String[][] bad = {
            {"  m: { acquire: mutex_lock }\n", "kb.yml:7:6: missing required key 'release' in guard class 'm'"},
            {"  m: { acquire: mutex_lock, release: x, release-argument: var }\n",
                "kb.yml:7:59: 'release-argument' of guard class 'm' must be lock, none or variable, not 'var'"},
            {"  m: { acquire: \"mutex lock\", release: x }\n",
                "kb.yml:7:17: 'acquire' of guard class 'm' must be a function name, not 'mutex lock'"},
            {"  m: { acquire: a, release: b, sleeps: true }\n", "kb.yml:7:32: unknown key 'sleeps'"},
        };
        for (String[] c : bad) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> KnowledgeBaseLoader.load("kb.yml", head + "guard-classes:\n" + c[0]));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
        }
    }

    @Test
    void bundledGuardClassesSayWhichSleep() throws Exception {
        // mutex_lock() and down_read() are known from the kernel database a run reads by default
        KernelDb db = KernelDbs.load(KernelDbChoice.DEFAULT, "default");
        KnowledgeBase kb = KnowledgeBase.bundled().withDatabase(db, db.checksum());
        for (String sleeping : List.of("mutex", "mutex_intr", "rwsem_read", "rwsem_write")) {
            assertTrue(kb.function(kb.guardClasses().find(sleeping).acquire()).orElseThrow().maySleep(), sleeping);
        }
        for (String spinning : List.of("spinlock", "spinlock_irqsave", "raw_spinlock", "raw_spinlock_irqsave",
                "rcu", "irqsave")) {
            String acquire = kb.guardClasses().find(spinning).acquire();
            assertTrue(kb.function(acquire).map(f -> !f.maySleep()).orElse(true), spinning);
        }
        assertEquals("fdget", kb.guardClasses().find("fd").acquire());
    }

    @Test
    void topLevelStrict() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> KnowledgeBaseLoader.load("kb.yml", "hooks: [a]\noob-field: [b]\n"));
        assertTrue(e.getMessage().startsWith("kb.yml:2:1: unknown key 'oob-field' (did you mean 'oob-fields'?"),
                e.getMessage());
    }

    @Test
    void overridesMergeFieldByField() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", HEAD + """
                  evl_alloc: { sleeps: true, why: "base" }
                  close_fd: { uses: [current-files], takes-file-lock: true }
                """);
        FunctionSpec override = new FunctionSpec("evl_alloc",
                java.util.Map.of(FunctionAttribute.SLEEPS, false), null);
        FunctionSpec extra = new FunctionSpec("my_wait",
                java.util.Map.of(FunctionAttribute.SLEEPS, true), null);
        KnowledgeBase merged = kb.withOverrides(new KnowledgeOverrides(
                java.util.Map.of("evl_alloc", override, "my_wait", extra),
                java.util.List.of(new GfpDefinition("EVL_GFP", "GFP_ATOMIC | R", false, null)),
                null, null, java.util.List.of("h1"), null, null, null));
        FunctionSpec evl = merged.function("evl_alloc").orElseThrow();
        assertTrue(evl.knownNotToSleep());
        assertEquals("base", evl.why().orElseThrow());
        assertTrue(merged.function("my_wait").orElseThrow().maySleep());
        assertTrue(merged.function("close_fd").orElseThrow().takesFileLock());
        assertEquals(0xc00L, merged.gfp().value("EVL_GFP").getAsLong());
        assertEquals(java.util.List.of("h1"), merged.hooks());
        assertEquals(java.util.List.of("oob_data"), merged.oobFields());
        // the base is unchanged
        assertTrue(kb.function("evl_alloc").orElseThrow().maySleep());
    }
}
