package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaceKeepsStaleEntryTest {

    @TempDir
    Path tmp;

    private static final String REPLACE = "void replace_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";

    private Check check(String source) {
        return Check.in(tmp).only("DL206").file("a.c", source);
    }

    @Test
    void earlyReturnWithoutRemoval() throws Exception {
        check(REPLACE + """
                {
                	if (!file->oob_data) /* expect: DL206 */
                		return;
                	evl_index_update(files, fd, file);
                }
                """).verify();
    }

    @Test
    void fallingThroughAnIfWithoutElseAndThroughAnAlias() throws Exception {
        check(REPLACE + """
                {
                	struct evl_file *ctx = NULL;
                	ctx = READ_ONCE(file->f_oob_ctx);
                	if (ctx) { /* expect: DL206 */
                		evl_index_update(files, fd, file);
                	}
                	if (fd > 3 && file->oob_data) /* expect: DL206 */
                		evl_index_update(files, fd, file);
                }
                """).verify();
    }

    @Test
    void removalOnTheNullSideThroughPrimitivesHelpersAndNames() throws Exception {
        check("""
                static void drop_entry(struct files_struct *files, unsigned int fd)
                {
                	struct evl_fd *efd = lookup(files, fd);
                	if (efd)
                		hash_del(&efd->hash);
                }
                static void forget(struct files_struct *files, unsigned int fd) { drop_entry(files, fd); }
                """ + REPLACE + """
                {
                	if (!file->oob_data) {
                		forget(files, fd);
                		return;
                	}
                	if (file->oob_data == NULL) {
                		evl_index_remove(files, fd);
                		return;
                	}
                	if (file->f_oob_ctx)
                		evl_index_update(files, fd, file);
                	else
                		uninstall_inband_fd(fd, file, files);
                	if (unlikely(!file->oob_data))
                		goto drop;
                	evl_index_update(files, fd, file);
                	return;
                drop:
                	kfree(lookup(files, fd));
                }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	drop_entry(files, fd);
                }
                """).verify();
    }

    @Test
    void testsOfOtherFilesAndOtherHooksAreIgnored() throws Exception {
        check(REPLACE + """
                {
                	struct evl_fd *efd = lookup(files, fd);
                	if (!efd || !efd->filp->oob_data) /* only the old file's entry */
                		return;
                	efd->filp = file;
                	evl_index_remove(files, fd);
                }
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	if (!file->oob_data)
                		return;
                }
                """).verify();
    }

    @Test
    void removalBeforeTheTestAndAnAbsentEntryCount() throws Exception {
        check("""
                static struct evl_fd *take_fd(struct files_struct *files, unsigned int fd)
                {
                	struct evl_fd *efd = find(files, fd);
                	if (efd)
                		list_del(&efd->next);
                	return efd;
                }
                """ + REPLACE + """
                {
                	struct evl_fd *efd, *old;
                	if (fd & 1) {
                		efd = take_fd(files, fd);
                		if (!efd && file->oob_data)
                			evl_index_add(files, fd, file);
                		return;
                	}
                	old = find(files, fd);
                	if (old && file->oob_data) {
                		old->filp = file;
                	} else if (old) {
                		list_del(&old->next);
                	} else if (file->oob_data) {
                		evl_index_add(files, fd, file);
                	}
                	if (!file->oob_data) /* expect: DL206 */
                		return;
                }
                """).verify();
    }

    @Test
    void testsThroughAHelperReturningThePointer() throws Exception {
        check("""
                static inline void *evl_ctx(struct file *f) { return f->oob_data; }
                """ + REPLACE + """
                {
                	void *ctx = evl_ctx(file);
                	if (!evl_ctx(file)) /* expect: DL206 */
                		return;
                	if (ctx == NULL) /* expect: DL206 */
                		return;
                }
                """).verify();
    }

    @Test
    void storingNullIntoTheIndexSlotRemovesTheEntry() throws Exception {
        check("""
                static struct evl_file *slots[64];
                static struct { struct file *file; void *ctx; } table[64];
                static void empty(unsigned int fd)
                {
                	slots[fd % 64] = NULL;
                }
                static void clear_row(unsigned int fd)
                {
                	table[fd & 63].ctx = 0;
                }
                """ + REPLACE + """
                {
                	if (!file->oob_data) {
                		empty(fd);
                		return;
                	}
                	if (!file->f_oob_ctx) {
                		clear_row(fd);
                		return;
                	}
                	if (file->oob_data == NULL) {
                		slots[fd % 64] = NULL;
                		return;
                	}
                	slots[fd % 64] = file->oob_data;
                }
                """).verify();
    }

    @Test
    void storingSomethingElseOrIntoAPlainVariableRemovesNothing() throws Exception {
        check("""
                static struct evl_file *slots[64];
                static struct evl_file *last;
                static void remember(unsigned int fd, struct file *file)
                {
                	slots[fd % 64] = file->oob_data;
                }
                """ + REPLACE + """
                {
                	if (!file->oob_data) { /* expect: DL206 */
                		last = NULL;
                		return;
                	}
                	if (!file->f_oob_ctx) { /* expect: DL206 */
                		remember(fd, file);
                		return;
                	}
                	slots[fd % 64] = file->oob_data;
                }
                """).verify();
    }
}
