package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LockAnnotations}: the locks a definition's sparse annotations say are held on entry. */
class LockAnnotationsTest {

    private static List<String> held(String head) {
        return LockAnnotations.heldOnEntry(head, new Location("f.c", 1, 1)).stream()
                .map(c -> ((Callee.Named) c.callee()).name() + " " + LockApis.classify(c).action() + " "
                        + LockApis.classify(c).lock())
                .toList();
    }

    @Test
    void mustHoldAndReleasesStateTheLockHeldOnEntry() {
        assertEquals(List.of("__must_hold ASSERT_HELD files->file_lock"),
                held("static int f(struct files_struct *files)\n\t__must_hold(&files->file_lock)\n"));
        assertEquals(List.of("__releases ASSERT_HELD files->file_lock"),
                held("static int expand_fdtable(struct files_struct *files, unsigned int nr)\n"
                        + "\t__releases(files->file_lock)\n\t__acquires(files->file_lock)\n"));
        assertEquals(List.of("__must_hold ASSERT_HELD ctx.lock", "__must_hold ASSERT_HELD RCU"),
                held("void g(struct evl_ctx *ctx) __must_hold( & ctx . lock ) __must_hold(RCU)"));
    }

    @Test
    void acquiresAndWhatIsNotALockSayNothing() {
        assertEquals(List.of(), held("void f(struct files_struct *files) __acquires(files->file_lock)"));
        assertEquals(List.of(), held("void f(void) __must_hold(table[0].lock)"));
        assertEquals(List.of(), held("void f(void) __must_hold(&files->file_lock"));
    }
}
