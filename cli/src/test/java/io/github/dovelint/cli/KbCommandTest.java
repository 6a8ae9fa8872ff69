package io.github.dovelint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb derive}, {@code kb show} and {@code check --kernel-db} over the synthetic tree of test resources. */
class KbCommandTest {

    private static final Path TREE = Path.of("src/test/resources/kbtree");
    private static final Path DRIVER = Path.of("src/test/resources/kbdriver");

    @TempDir
    static Path shared;

    static Path db;

    @TempDir
    Path dir;

    @BeforeAll
    static void derive() {
        db = shared.resolve("kernel.db");
        Cli.Result r = Cli.run("kb", "derive", TREE.toString(), "--output", db.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("derived 36 functions (clears-oob 1, current-files 2, current-mm 3, frees-arg 2,"
                + " gfp-arg 5, sets-oob 2, sleeps 20, takes-file-lock 1, task-arg 1, task-mm 1) from 11 files"),
                r::toString);
        assertTrue(r.err().contains("; 0 files not analysed;"), r::toString);
        assertTrue(r.err().contains("dovelint: kernel.yml and the database disagree on kfree: kernel.yml says"
                + " sleeps: false, derived sleeps: true (calls mutex_lock() at kernel/levels.c:62)\n"), r::toString);
        // kernel.yml keeps vmalloc() for Linux 6.12, where it is a macro; this tree defines it as 6.1 does
        assertTrue(r.err().contains("dovelint: kernel.yml repeats what the database derives for vmalloc"
                + " (sleeps: true)\n"), r::toString);
    }

    private static String text(Path file) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDatabaseHoldsExactlyWhatTheTreeDoes() throws Exception {
        String[] lines = text(db).split("\n");
        String body = String.join("\n", Arrays.copyOfRange(lines, 0, lines.length - 1)) + "\n";
        assertEquals("""
                dovelint-kernel-db	2
                facts	38
                alloc_inner	gfp-arg	1	calls kmalloc() at mm/alloc.c:4
                alloc_kernel	sleeps	true	calls alloc_middle() at mm/alloc.c:19
                alloc_maybe_masked	gfp-arg	0	calls alloc_inner() at mm/alloc.c:43
                alloc_middle	gfp-arg	0	calls alloc_inner() at mm/alloc.c:9
                alt_sleeper	sleeps	true	calls msleep() at arch/x86/lib/dup.c:9
                calls_alt	sleeps	true	calls alt_sleeper() at drivers/ops.c:48
                core_bind	sets-oob	0	calls core_open_file() at fs/files.c:48
                core_open_file	sets-oob	1	assigns filp->oob_data at fs/files.c:43
                core_release_file	clears-oob	0	clears filp->oob_data at fs/files.c:53
                cross_file	sleeps	true	calls exported_sleeper() at mm/alloc.c:24
                either_way	sleeps	true	calls kzalloc() at fs/files.c:73
                either_way_null	sleeps	true	calls either_way() at fs/files.c:81
                exported_sleeper	sleeps	true	calls level2() at kernel/levels.c:22
                fget	uses	current-files	uses current->files at fs/file.c:4
                free_obj	frees-arg	0	calls kfree() at fs/files.c:22
                free_obj_outer	frees-arg	1	calls free_obj() at fs/files.c:27
                give_fd	sleeps	true	calls put_user() at fs/files.c:60
                give_fd	uses	current-mm	calls put_user() at fs/files.c:60
                kfree	sleeps	true	calls mutex_lock() at kernel/levels.c:62
                level2	sleeps	true	calls level3() at kernel/levels.c:17
                level3	sleeps	true	calls lock_helper() at kernel/levels.c:12
                mm_user	uses	current-mm	uses current->mm at fs/files.c:11
                msleep	sleeps	true	calls schedule() at kernel/time/timer.c:4
                mutex_lock	sleeps	true	calls might_sleep() at kernel/locking/mutex.c:6
                own_mm_user	uses	current-mm	calls task_mm_user() at fs/files.c:37
                pool_get	gfp-arg	1	calls msleep() at mm/alloc.c:51
                pool_sleeps_first	sleeps	true	calls msleep() at mm/alloc.c:66
                pool_user_kernel	sleeps	true	calls pool_get() at mm/alloc.c:79
                pool_wait	gfp-arg	0	calls wait_for_completion() at mm/alloc.c:59
                rec_a	sleeps	true	calls rec_b() at kernel/levels.c:42
                rec_b	sleeps	true	calls wait_for_completion() at kernel/levels.c:50
                takes_lock	takes-file-lock	true	spin_lock() acquires files->file_lock at fs/files.c:16
                task_mm_user	task-arg	1	calls get_task_mm() at fs/files.c:32
                task_mm_user	uses	task-mm	calls get_task_mm() at fs/files.c:32
                two_ways	sleeps	true	calls msleep() at kernel/levels.c:69
                uses_files	uses	current-files	calls fget() at fs/files.c:4
                vmalloc	sleeps	true	calls might_sleep() at mm/vmalloc.c:4
                wait_for_completion	sleeps	true	calls might_sleep() at kernel/sched/completion.c:5
                """, body);
        assertEquals("end", lines[lines.length - 1]);
        // not there: static helpers (their effects are: level3), calls through a member, a parameter or a
        // local function pointer, a name defined twice of which one definition does not sleep (dup_helper,
        // and so calls_dup; alt_sleeper's two definitions both sleep),
        // a GFP_ATOMIC allocation, recursion that never sleeps, a function calling nothing, the separate
        // programs of tools/ and arch/x86/boot/ (whose memset would make calls_memset sleep), a NULL
        // passed for an optional pointer (give_fd_fixed: docs/kernel-db.md#null-arguments)
        for (String absent : new String[] {"lock_helper", "static_sleeper", "call_through_ops",
                "call_through_param", "call_through_local", "sleeper_op", "alloc_atomic", "alloc_masked",
                "alloc_masked_kernel", "rec_quiet", "pure", "pool_user_atomic",
                "dup_helper", "calls_dup", "calls_memset", "memset", "tool_sleeper", "give_fd_fixed"}) {
            assertFalse(body.contains("\n" + absent + "\t"), absent);
        }
    }

    @Test
    void whyPrintsTheWholeWayToEachEffect() {
        Cli.Result r = Cli.run("kb", "derive", TREE.toString(), "-o", dir.resolve("why.db").toString(),
                "--why", "alloc_kernel", "--why", "alloc_masked_kernel", "--why", "either_way");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("""
                alloc_kernel (mm/alloc.c:17) sleep:
                    calls alloc_middle() at mm/alloc.c:19
                    calls alloc_inner() at mm/alloc.c:9
                    calls kmalloc() at mm/alloc.c:4
                """), r::toString);
        assertTrue(r.err().contains("alloc_masked_kernel (mm/alloc.c:34): no effect whatever the arguments\n"),
                r::toString);
        // the reason the database records: the first step, whether it needs a pointer or not
        assertTrue(r.err().contains("""
                either_way (fs/files.c:70) sleep:
                    calls kzalloc() at fs/files.c:73
                """), r::toString);
    }

    @Test
    void kconfigDerivesTheTreeInThatConfiguration() throws Exception {
        Path config = dir.resolve(".config");
        Files.writeString(config, """
                CONFIG_KB_FEATURE=y
                CONFIG_KB_DRIVER=m
                # CONFIG_KB_OTHER is not set
                CONFIG_KB_NAME="x"
                """);
        Path configured = dir.resolve("configured.db");
        Cli.Result r = Cli.run("kb", "derive", TREE.toString(), "--kconfig", config.toString(), "-o",
                configured.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(text(configured).contains("\nconfigured_sleeper\tsleeps\ttrue\tcalls msleep() at kernel/configured.c:5\n"));
        assertTrue(text(configured).contains("\nmodule_sleeper\tsleeps\ttrue\t"));
        assertFalse(text(db).contains("configured_sleeper"), "without the configuration, the branch is left out");
        Cli.Result missing = Cli.run("kb", "derive", TREE.toString(), "--kconfig", dir.resolve("nope").toString(),
                "-o", configured.toString());
        assertEquals(2, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("cannot read"), missing::toString);
    }

    @Test
    void twoDerivationsAreByteIdenticalWhereverTheTreeIs() throws Exception {
        Path again = dir.resolve("again.db");
        assertEquals(0, Cli.run("kb", "derive", TREE.toString(), "-o", again.toString()).exit());
        assertArrayEquals(Files.readAllBytes(db), Files.readAllBytes(again));
        Path copy = dir.resolve("elsewhere/linux");
        try (Stream<Path> files = Files.walk(TREE)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(TREE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path moved = dir.resolve("moved.db");
        assertEquals(0, Cli.run("kb", "derive", copy.toString(), "-o", moved.toString()).exit());
        assertArrayEquals(Files.readAllBytes(db), Files.readAllBytes(moved));
    }

    @Test
    void checkWithTheDatabaseReportsAHookCallingADerivedSleeper() throws Exception {
        Path cache = dir.resolve("cache");
        Cli.Result without = Cli.run("check", "--cache-dir", cache.toString(), DRIVER.toString());
        assertEquals(0, without.exit(), without::toString);
        // the run record of the first run must not be replayed: it is keyed on the database's checksum
        Cli.Result with = Cli.run("check", "--cache-dir", cache.toString(), "--kernel-db", db.toString(),
                DRIVER.toString());
        assertEquals(1, with.exit(), with::toString);
        assertTrue(with.out().contains("hooks.c:7:2: error: exported_sleeper() may sleep: calls level2() at"
                + " kernel/levels.c:22 in kernel.db; reachable from install_inband_fd(), which may run in atomic"
                + " context [DL101]"),
                with::toString);
        assertEquals(1, with.out().lines().filter(l -> l.contains("[DL101]")).count(), with::toString);
    }

    @Test
    void aHookCallingADerivedOpenHelperWritesTheOobPointer() throws Exception {
        Path driver = Files.createDirectories(dir.resolve("oobdriver"));
        Files.writeString(driver.resolve("hooks.c"), """
                struct file;
                struct files_struct;
                void core_bind(struct file *filp, void *ctx);

                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	core_bind(file, 0);
                }
                """);
        Cli.Result without = Cli.run("check", "--no-cache", "--kernel-db", "none", driver.toString());
        assertEquals(0, without.exit(), without::toString);
        Cli.Result with = Cli.run("check", "--no-cache", "--kernel-db", db.toString(), driver.toString());
        assertEquals(1, with.exit(), with::toString);
        assertTrue(with.out().contains("hooks.c:7:2: error: core_bind() sets file's oob pointer"), with::toString);
        assertTrue(with.out().contains("[DL202]"), with::toString);
    }

    @Test
    void theShippedDatabaseIsReadByDefaultAndASettingPicksAnother() throws Exception {
        Path driver = Path.of("../samples/driver-kernel-apis");
        Cli.Result byDefault = Cli.run("check", "--no-cache", driver.toString());
        assertEquals(1, byDefault.exit(), byDefault::toString);
        assertTrue(byDefault.out().contains("error: spi_sync() may sleep: calls mutex_lock() at drivers/spi/spi.c:"),
                byDefault::toString);
        assertTrue(byDefault.out().contains(" in linux-6.12; reachable from install_inband_fd()"), byDefault::toString);
        assertEquals(4, byDefault.out().lines().filter(l -> l.endsWith("[DL101]")).count(), byDefault::toString);
        Cli.Result none = Cli.run("check", "--no-cache", "--kernel-db", "none", driver.toString());
        assertEquals(0, none.exit(), none::toString);
        Cli.Result older = Cli.run("check", "--no-cache", "--kernel-db", "linux-6.1", driver.toString());
        assertTrue(older.out().contains(" in linux-6.1; reachable from"), older::toString);
        Path project = dir.resolve("none");
        Files.createDirectories(project);
        Files.copy(driver.resolve("trace.c"), project.resolve("trace.c"));
        Files.writeString(project.resolve(".dovelint.yml"), "kernel-db: none\n");
        Cli.Result configured = Cli.run("check", "--no-cache", project.toString());
        assertEquals(0, configured.exit(), configured::toString);
        Cli.Result show = Cli.run("kb", "show", "spi_sync");
        assertTrue(show.out().contains("  kernel database linux-6.12 (shipped):\n    sleeps: true (calls mutex_lock()"),
                show::toString);
    }

    @Test
    void theConfigurationSelectsTheDatabaseAndWinsOverIt() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("db"));
        Files.copy(db, project.resolve("db/kernel.db"));
        Files.copy(DRIVER.resolve("hooks.c"), project.resolve("hooks.c"));
        Files.writeString(project.resolve(".dovelint.yml"), "kernel-db: db/kernel.db\n");
        Cli.Result selected = Cli.run("check", "--no-cache", project.toString());
        assertEquals(1, selected.exit(), selected::toString);
        Files.writeString(project.resolve(".dovelint.yml"), """
                kernel-db: db/kernel.db
                functions:
                  exported_sleeper: { sleeps: false, why: "checked by hand" }
                """);
        Cli.Result overridden = Cli.run("check", "--no-cache", project.toString());
        assertEquals(0, overridden.exit(), overridden::toString);
        Cli.Result show = Cli.run("kb", "show", "exported_sleeper", "--config",
                project.resolve(".dovelint.yml").toString());
        assertEquals(0, show.exit(), show::toString);
        String[] out = show.out().split("\n");
        assertEquals("exported_sleeper:", out[0]);
        assertTrue(out[1].matches("  project configuration \\(.*\\.dovelint\\.yml:3\\): sleeps: false,"
                + " why: checked by hand"), show::toString);
        assertEquals("  curated kernel.yml: no entry", out[2]);
        assertTrue(out[3].matches("  kernel database .*kernel\\.db:"), show::toString);
        assertEquals("    sleeps: true (calls level2() at kernel/levels.c:22)", out[4]);
        assertEquals("    (below the project configuration, which wins)", out[5]);
        assertEquals("  in a run: sleeps: false, why: checked by hand", out[6]);
    }

    @Test
    void showNamesTheCuratedEntryAboveTheDatabase() {
        Cli.Result r = Cli.run("kb", "show", "kfree", "--kernel-db", db.toString(), "--config",
                DRIVER.resolve("none.yml").toString());
        assertEquals(2, r.exit(), r::toString);
        Cli.Result show = Cli.run("kb", "show", "kfree", "--kernel-db", db.toString());
        assertEquals(0, show.exit(), show::toString);
        assertTrue(show.out().contains("  curated kernel.yml (kernel.yml:"), show::toString);
        assertTrue(show.out().contains("): sleeps: false, frees-arg: 0, kept: primitive, why: frees slab memory\n"
                + "    (kept next to the database: the effect itself"), show::toString);
        assertTrue(show.out().contains("    sleeps: true (calls mutex_lock() at kernel/levels.c:62)\n"
                + "    (below the curated entry, which wins)\n"), show::toString);
        assertTrue(show.out().contains("  in a run: sleeps: false, frees-arg: 0, kept: primitive, why: frees slab memory\n"),
                show::toString);
    }

    @Test
    void aBrokenDatabaseIsAnErrorNamingTheFile() throws Exception {
        byte[] good = Files.readAllBytes(db);
        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        Path notDb = dir.resolve("notes.db");
        Files.writeString(notDb, "hello\n");
        for (Path bad : new Path[] {truncated, notDb, dir.resolve("missing.db")}) {
            Cli.Result r = Cli.run("check", "--no-cache", "--kernel-db", bad.toString(), DRIVER.toString());
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().startsWith("dovelint: ") && r.err().contains(bad.getFileName().toString()),
                    r::toString);
            assertFalse(r.err().contains("\tat "), r::toString);
            Cli.Result show = Cli.run("kb", "show", "x", "--kernel-db", bad.toString());
            assertEquals(2, show.exit(), show::toString);
            assertTrue(show.err().contains(bad.getFileName().toString()), show::toString);
        }
    }
}
