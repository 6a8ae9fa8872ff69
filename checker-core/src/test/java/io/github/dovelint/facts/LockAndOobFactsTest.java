package io.github.dovelint.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock operations and oob-pointer uses, the facts the file_lock and oob lifecycle rules build on. */
class LockAndOobFactsTest {

    @TempDir
    Path tmp;

    private static String describe(LockOp op) {
        return op.action() + " " + op.family() + " " + op.lock() + " @" + op.location().line();
    }

    @Test
    void lockOperationsAreClassifiedWithTheirLockExpression() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                void f(struct files_struct *files, struct evl *e)
                {
                	unsigned long flags;
                	spin_lock(&files->file_lock);
                	spin_unlock(&files->file_lock);
                	raw_spin_lock_irqsave(&e->lock, flags);
                	raw_spin_unlock_irqrestore(&e->lock, flags);
                	hard_spin_lock(&e->hard);
                	rcu_read_lock();
                	rcu_read_unlock();
                	if (mutex_trylock(&e->m))
                		mutex_unlock(&e->m);
                	lockdep_assert_held(&files->file_lock);
                	WARN_ON(!spin_is_locked(&files->file_lock));
                	kfree(e);
                }
                """).run();
        List<String> ops = t.function("f").lockOps().stream().map(LockAndOobFactsTest::describe).toList();
        assertEquals(List.of(
                "ACQUIRE spin files->file_lock @4",
                "RELEASE spin files->file_lock @5",
                "ACQUIRE raw_spin e->lock @6",
                "RELEASE raw_spin e->lock @7",
                "ACQUIRE hard_spin e->hard @8",
                "ACQUIRE rcu  @9",
                "RELEASE rcu  @10",
                "TRY_ACQUIRE mutex e->m @11",
                "RELEASE mutex e->m @12",
                "ASSERT_HELD lockdep files->file_lock @13",
                "QUERY spin files->file_lock @14"), ops);
        assertTrue(t.function("f").lockOps().get(0).isFileLock());
        assertFalse(t.function("f").lockOps().get(2).isFileLock());
    }

    @Test
    void oobPointerUsesAreReadsWritesOrNullTests() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct file { void *oob_data; void *f_oob_ctx; void *private_data; };
                void f(struct file *file, struct file *filp, void *ctx)
                {
                	void *p = file->oob_data;
                	if (file->oob_data)
                		use(file->oob_data);
                	if (!filp->f_oob_ctx || filp->f_oob_ctx == NULL)
                		return;
                	if (file->oob_data != ctx)
                		return;
                	filp->f_oob_ctx = ctx;
                	file->private_data = ctx;
                }
                """).run();
        List<String> uses = t.function("f").oobAccesses().stream()
                .map(a -> a.kind() + " " + a.owner() + "->" + a.field() + " @" + a.location().line()).toList();
        assertEquals(List.of(
                "READ file->oob_data @4",
                "NULL_TEST file->oob_data @5",
                "READ file->oob_data @6",
                "NULL_TEST filp->f_oob_ctx @7",
                "NULL_TEST filp->f_oob_ctx @7",
                "READ file->oob_data @9",
                "WRITE filp->f_oob_ctx @11"), uses);
    }

    @Test
    void aFieldOfTheSameNameInAnotherStructIsNotTheFilesOobPointer() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct hci_dev { void *oob_data; };
                void f(struct hci_dev *hdev, struct file *filp, struct opaque *o, void *v)
                {
                	hdev->oob_data = v;
                	filp->oob_data = v;
                	o->oob_data = NULL;
                	((struct file *)v)->oob_data = v;
                	((struct hci_dev *)v)->oob_data = v;
                }
                """).run();
        List<String> uses = t.function("f").oobAccesses().stream()
                .map(a -> a.kind() + " " + a.owner() + " @" + a.location().line()).toList();
        assertEquals(List.of("WRITE filp @5", "WRITE o @6", "WRITE ((struct file *)v) @7"), uses,
                "Bluetooth's hci_dev has an oob_data too; an owner of unknown type is kept");
    }

    @Test
    void aMemberPathIsTheOobPointerOfTheFileItStartsFrom() throws Exception {
        TestRun t = TestRun.in(tmp).file("a.c", """
                struct oob_file_state { void *data; int irq_work; };
                struct file { struct oob_file_state f_oob_state; };
                struct other { struct oob_file_state f_oob_state; };
                void f(struct file *file, struct file *filp, struct file s, struct other *o,
                       struct oob_file_state *st, void *ctx)
                {
                	void *p = file->f_oob_state.data;
                	if (!filp->f_oob_state.data)
                		return;
                	if ((&file->f_oob_state)->data == NULL)
                		return;
                	file->f_oob_state.data = ctx;
                	s.f_oob_state.data = NULL;
                	o->f_oob_state.data = ctx;
                	st->data = ctx;
                	file->f_oob_state.irq_work = 0;
                	use(&file->f_oob_state);
                	((struct file *)ctx)->f_oob_state.data = ctx;
                }
                """).run();
        List<String> uses = t.function("f").oobAccesses().stream()
                .map(a -> a.kind() + " " + a.owner() + "->" + a.field() + " @" + a.location().line()
                        + (a.value() == null ? "" : " = " + a.value().text())).toList();
        assertEquals(List.of(
                "READ file->f_oob_state.data @7",
                "NULL_TEST filp->f_oob_state.data @8",
                "NULL_TEST file->f_oob_state.data @10",
                "WRITE file->f_oob_state.data @12 = ctx",
                "WRITE s->f_oob_state.data @13 = NULL",
                "WRITE ((struct file *)ctx)->f_oob_state.data @18 = ctx"), uses,
                "the owner of the path's first member must be a struct file (o is not); st->data is not"
                        + " reached from a file; the path's other members are not the pointer");
        assertTrue(t.function("f").oobAccesses().get(4).writesNull());
    }
}
