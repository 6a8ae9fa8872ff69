package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DL205 with the teardowns of docs/contracts.md#c52-torn-down-in-release beyond clearing the
 * pointer: freeing the object that embeds the oob object, a core release helper recognised from
 * its body or named by the knowledge base; and the knowledge base's open helper when the core is
 * not in the run.
 */
class OobTeardownTest {

    @TempDir
    Path tmp;

    private static final String TYPES = """
            struct file { void *oob_data; void *f_oob_ctx; void *private_data; };
            struct evl_file { struct file *filp; atomic_t refs; };
            struct ctx { void *buf; struct evl_file efile; };
            """;

    /** A core whose helpers are in the run, under names the knowledge base does not know. */
    private static final String CORE = TYPES + """
            int core_attach(struct evl_file *ef, struct file *filp)
            {
            	ef->filp = filp;
            	filp->oob_data = ef;
            	return 0;
            }
            static void unref(atomic_t *refs)
            {
            	if (atomic_dec_return(refs) > 0)
            		wait_a_bit();
            }
            void core_detach(struct evl_file *ef)
            {
            	unref(&ef->refs);
            }
            void core_note(struct evl_file *ef)
            {
            	pr_debug("closing %p", ef->filp);
            }
            """;

    private static final String OPEN = """
            static int c_open(struct inode *i, struct file *filp)
            {
            	struct ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
            	filp->private_data = c;
            	return core_attach(&c->efile, filp);
            }
            """;

    private Check check(String drivers) {
        return Check.in(tmp).only("DL205").file("core.c", CORE).file("drv.c", TYPES + """
                int core_attach(struct evl_file *ef, struct file *filp);
                void core_detach(struct evl_file *ef);
                void core_note(struct evl_file *ef);
                """ + OPEN + drivers);
    }

    @Test
    void freeingTheObjectThatEmbedsTheOobObjectTearsDown() throws Exception {
        check("""
                static int by_private_data(struct inode *i, struct file *filp)
                {
                	struct ctx *c = filp->private_data;
                	kfree(c->buf);
                	kfree(c);
                	return 0;
                }
                static int by_container_of(struct inode *i, struct file *filp)
                {
                	kfree(container_of(filp->oob_data, struct ctx, efile));
                	return 0;
                }
                static void put_ctx(struct ctx *c)
                {
                	kfree(c);
                }
                static int by_helper(struct inode *i, struct file *filp)
                {
                	put_ctx(filp->private_data);
                	return 0;
                }
                static int only_a_buffer(struct inode *i, struct file *filp)
                {
                	struct ctx *c = filp->private_data;
                	kfree(c->buf);
                	put_ctx(c->buf);
                	return 0;
                }
                static const struct file_operations a = { .open = c_open, .release = by_private_data, };
                static const struct file_operations b = { .open = c_open, .release = by_container_of, };
                static const struct file_operations c = { .open = c_open, .release = by_helper, };
                static const struct file_operations d = { .open = c_open, .release = only_a_buffer, }; /* expect: DL205 */
                """).verify();
    }

    @Test
    void aReleaseHelperInTheRunIsRecognisedFromItsBody() throws Exception {
        check("""
                static int detaches(struct inode *i, struct file *filp)
                {
                	struct ctx *c = filp->private_data;
                	core_detach(&c->efile);
                	return 0;
                }
                static void unbind(struct file *f)
                {
                	struct ctx *c = f->private_data;
                	core_detach(&c->efile);
                }
                static int through_the_file(struct inode *i, struct file *filp)
                {
                	unbind(filp);
                	return 0;
                }
                static int only_notes(struct inode *i, struct file *filp)
                {
                	struct ctx *c = filp->private_data;
                	core_note(&c->efile);
                	return 0;
                }
                static const struct file_operations a = { .open = c_open, .release = detaches, };
                static const struct file_operations b = { .open = c_open, .release = through_the_file, };
                static const struct file_operations c = { .open = c_open, .release = only_notes, }; /* expect: DL205 */
                """).verify();
    }

    @Test
    void knowledgeBaseHelpersWhenTheCoreIsNotInTheRun() throws Exception {
        Check.in(tmp).only("DL205").file("drv.c", TYPES + """
                int evl_open_file(struct evl_file *ef, struct file *filp);
                void evl_release_file(struct evl_file *ef);
                static int e_open(struct inode *i, struct file *filp)
                {
                	struct ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
                	filp->private_data = c;
                	return evl_open_file(&c->efile, filp);
                }
                static int releases(struct inode *i, struct file *filp)
                {
                	struct ctx *c = filp->private_data;
                	evl_release_file(&c->efile);
                	return 0;
                }
                static int forgets(struct inode *i, struct file *filp)
                {
                	struct ctx *c = filp->private_data;
                	core_note(&c->efile);
                	kfree(c->buf);
                	return 0;
                }
                static const struct file_operations a = { .open = e_open, .release = releases, };
                static const struct file_operations b = { .open = e_open, .release = forgets, }; /* expect: DL205 */
                static const struct file_operations c = { .open = e_open, }; /* expect: DL205 */
                """).verify();
    }

    @Test
    void anOpenHelperWithItsBodyInTheRunIsTakenFromItsBody() throws Exception {
        // A function of the same name that does not set the pointer: nothing to release.
        Check.in(tmp).only("DL205").file("drv.c", TYPES + """
                int evl_open_file(struct evl_file *ef, struct file *filp)
                {
                	ef->filp = filp;
                	return 0;
                }
                static int e_open(struct inode *i, struct file *filp)
                {
                	struct ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
                	return evl_open_file(&c->efile, filp);
                }
                static const struct file_operations a = { .open = e_open, };
                """).verify();
    }

    @Test
    void theKnowledgeBaseOpenHelperIsJudgedWhereItIsCalled() throws Exception {
        // A core calls its open helper for the files it creates itself, before fd_install(), and a
        // driver from .open: both right; an ioctl calling it is late.
        Check.in(tmp).only("DL204").file("drv.c", TYPES + """
                int evl_open_file(struct evl_file *ef, struct file *filp);
                static int bind(struct file *filp, struct ctx *c)
                {
                	filp->private_data = c;
                	return evl_open_file(&c->efile, filp);
                }
                int make_private_file(struct ctx *c)
                {
                	struct file *filp = anon_inode_getfile("x", &fops, NULL, 0);
                	bind(filp, c);
                	fd_install(3, filp);
                	return 0;
                }
                static int e_open(struct inode *i, struct file *filp)
                {
                	return bind(filp, kzalloc(sizeof(struct ctx), GFP_KERNEL));
                }
                static long e_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
                {
                	return evl_open_file(filp->private_data, filp); /* expect: DL204 */
                }
                static const struct file_operations a = { .open = e_open, .unlocked_ioctl = e_ioctl, };
                """).verify();
    }
}
