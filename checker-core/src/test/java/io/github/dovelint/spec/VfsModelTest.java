package io.github.dovelint.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hook calls each operation makes, in the kernel's order, with their contexts (the call-site table). */
class VfsModelTest {

    private final List<HookCall> calls = new ArrayList<>();
    private final Vfs vfs = new Vfs().listen(calls::add);

    private String run(String scenario) throws ScenarioException {
        calls.clear();
        for (Scenario.Step s : Scenario.parse("t", scenario).steps()) {
            vfs.apply(s.op());
        }
        return calls.stream().map(c -> c.call() + " @" + c.context().site().label() + " lock=" + c.context().fileLock()
                + " preempt=" + c.context().preemptible() + " cur=" + c.context().current() + " by " + c.context().task())
                .collect(Collectors.joining("\n"));
    }

    private String last(String op) throws ScenarioException {
        return run(op);
    }

    @Test
    void openInstallsOnTheFastPathWithPreemptionOffAndNoLock() throws Exception {
        assertEquals("install(fd=0, file=#1 oob, files=F1) @fd_install() fast path lock=false preempt=false cur=SAME by T1",
                run("open T1 oob"));
        assertEquals("install(fd=1, file=#1 oob, files=F1) @fd_install() fast path lock=false preempt=false cur=SAME by T1",
                last("dup T1 0"));
        assertEquals("install(fd=5, file=#1 oob, files=F1) @fd_install() fast path lock=false preempt=false cur=SAME by T1",
                last("fcntl-dupfd T1 0 5"));
    }

    @Test
    void theResizeSlowPathInstallsUnderFileLock() throws Exception {
        run("clone-files T1 T2");
        assertEquals("install(fd=0, file=#1 plain, files=F1) @fd_install() resize slow path lock=true preempt=false cur=SAME by T2",
                last("open T2 plain resizing"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Explainer.explain(
                Scenario.parse("s.txt", "open T1 plain\nopen T1 oob resizing\n"), new ReferenceCore()));
        assertEquals("s.txt:2:13", e.getMessage().substring(0, 10));
    }

    @Test
    void theTableGrowsWithoutAHook() throws Exception {
        run("open T1 oob\n".repeat(8));
        Vfs.Outcome o = vfs.apply(new Op.Open("T1", false, false, false));
        assertEquals("fd 8 (file #9 plain)", o.result());
        assertTrue(o.events().get(0).toString().contains("grows F1 from 8 to 16"), o.events().toString());
        assertEquals(1, o.calls().size());
    }

    @Test
    void dup2CallsReplaceWhetherOrNotTheTargetWasOpenAndNeverUninstallsTheOldFile() throws Exception {
        run("open T1 oob\nopen T1 plain");
        assertEquals("replace(fd=1, file=#1 oob, files=F1) @do_dup2() lock=true preempt=false cur=SAME by T1",
                last("dup2 T1 0 1"));
        assertEquals("replace(fd=7, file=#1 oob, files=F1) @do_dup2() lock=true preempt=false cur=SAME by T1",
                last("dup2 T1 0 7"));
        assertEquals("replace(fd=20, file=#1 oob, files=F1) @do_dup2() lock=true preempt=false cur=SAME by T1",
                last("dup3 T1 0 20 cloexec"));
        assertTrue(!vfs.fileAlive(2), "the old file of fd 1 was closed");
    }

    @Test
    void dup2OntoItselfCallsNoHookAndDup3OntoItselfIsEinval() throws Exception {
        run("open T1 oob");
        assertEquals("fd 0", vfs.apply(new Op.Dup2("T1", 0, 0)).result());
        assertEquals("EINVAL", vfs.apply(new Op.Dup3("T1", 0, 0, false)).result());
        assertEquals("EBADF", vfs.apply(new Op.Dup2("T1", 3, 3)).result());
        assertEquals("EBADF", vfs.apply(new Op.Dup2("T1", 3, 0)).result());
        assertEquals("", last("dup2 T1 0 0\ndup3 T1 0 0"));
    }

    @Test
    void closeAndCloseRangeUninstallUnderFileLock() throws Exception {
        run("open T1 oob\nopen T1 plain\nopen T1 oob");
        assertEquals("uninstall(fd=1, file=#2 plain, files=F1) @file_close_fd_locked() lock=true preempt=false cur=SAME by T1",
                last("close T1 1"));
        assertEquals("uninstall(fd=0, file=#1 oob, files=F1) @file_close_fd_locked() lock=true preempt=false cur=SAME by T1\n"
                + "uninstall(fd=2, file=#3 oob, files=F1) @file_close_fd_locked() lock=true preempt=false cur=SAME by T1",
                last("close-range T1 0 100"));
        assertEquals("", last("open T1 oob\nclose-range T1 0 5 cloexec").replaceFirst("install.*", ""));
    }

    @Test
    void forkCallsNoHookAndExecClosesCloexecFdsUnderFileLock() throws Exception {
        run("open T1 oob cloexec\nopen T1 plain");
        assertEquals("", last("fork T1 T2"));
        assertEquals("uninstall(fd=0, file=#1 oob, files=F2) @do_close_on_exec() lock=true preempt=false cur=SAME by T2",
                last("exec T2"));
        assertEquals("{F1:0=1}", vfs.expectedIndex().toString().replace("F1:0", "F1:0"));
    }

    @Test
    void exitUninstallsWithoutLocksWithCurrentFilesNull() throws Exception {
        run("open T1 oob\nopen T1 plain\nclone-files T1 T2");
        assertEquals("", last("exit T2"));
        assertEquals("uninstall(fd=0, file=#1 oob, files=F1) @close_files() at exit lock=false preempt=true cur=NULL by T1\n"
                + "uninstall(fd=1, file=#2 plain, files=F1) @close_files() at exit lock=false preempt=true cur=NULL by T1",
                last("exit T1"));
    }

    @Test
    void theLastReferenceDroppedByAnotherTaskUninstallsInThatTask() throws Exception {
        run("open T1 oob\nfork T1 T2\nhold T2 F1");
        assertEquals("", last("exit T1"));
        assertEquals("uninstall(fd=0, file=#1 oob, files=F1) @close_files() by another task lock=false preempt=true cur=OTHER by T2",
                last("drop T2 F1"));
    }

    @Test
    void unshareCopiesWithoutHooks() throws Exception {
        run("open T1 oob\nclone-files T1 T2");
        assertEquals("", last("unshare T2\nunshare T1"));
        assertEquals(List.of(1, 2), vfs.liveTables());
    }

    @Test
    void everyModelledContextIsDeclaredOnTheHookInterface() throws Exception {
        run("open T1 oob cloexec\nclone-files T1 T2\nopen T2 oob resizing\ndup2 T1 0 1\nclose T1 1\nfork T1 T3\n"
                + "exec T3\nhold T3 F1\nexit T1\nexit T2\ndrop T3 F1\nopen T3 plain\nexit T3");
        assertEquals(7, calls.stream().map(c -> c.context().site()).distinct().count(), "every site is reached: " + calls);
        for (HookCall c : calls) {
            assertEquals(java.util.Optional.empty(), RandomOps.contextMismatch(c));
        }
    }
}
