package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.engine.TestRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerHoldsTest {

    @TempDir
    Path tmp;

    @Test
    void sentencesThatSayALockIsHeld() {
        assertEquals(List.of("files->file_lock"), CallerHolds.locks("/* Must be called with files->file_lock held */"));
        assertEquals(List.of("rcu_read_lock", "files_lock"), CallerHolds.locks("""
                /**
                 * pick_file - return the file of an fd
                 * @files: the table
                 *
                 * Context: Either rcu read lock or files_lock must be held.
                 *
                 * Returns: the file.
                 */"""));
        assertEquals(List.of("current->files->file_lock"), CallerHolds.locks(
                "/*\n * A variant of close_fd_get_file(): this one assumes current->files->file_lock\n * is held.\n */"));
        assertEquals(List.of("rcu_read_lock"), CallerHolds.locks("// caller must hold rcu_read_lock()"));
        assertEquals(List.of("ctx.lock"), CallerHolds.locks("/* Called under ctx.lock. */"));
    }

    @Test
    void whatIsNotAPreconditionSaysNothing() {
        assertEquals(List.of(), CallerHolds.locks("/* Takes files->file_lock and holds it across the walk. */"));
        assertEquals(List.of(), CallerHolds.locks(
                "/* It is safe to dereference the fd table without RCU or ->file_lock: last reference. */"));
        assertEquals(List.of(), CallerHolds.locks("/* Callers must not hold files->file_lock: this takes it. */"));
        assertEquals(List.of(), CallerHolds.locks("/* Returns the file held in slot fd. */"));
    }

    @Test
    void theCommentBeforeTheDefinitionOrOpeningTheBody() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                /* Must be called with files->file_lock held. */
                static int before(struct files_struct *files) { return 0; }

                /* Must be called with files->file_lock held. */

                static int too_far(struct files_struct *files) { return 0; }
                static int inside(struct files_struct *files)
                {
                	/* the caller holds files->file_lock */
                	int n = 0;
                	/* Must be called with files->file_lock held. */
                	return n;
                }
                """).run();
        assertEquals(List.of("files->file_lock"), t.function("before").callerHolds());
        assertEquals(List.of(), t.function("too_far").callerHolds());
        assertEquals(List.of("files->file_lock"), t.function("inside").callerHolds());
    }
}
