package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL202 oob-written-in-hook, DL203 oob-freed-in-uninstall, DL204 oob-set-outside-open, DL205 oob-not-released. */
class OobLifecycleTest {

    @TempDir
    Path tmp;

    private static final String TYPES = """
            struct file { void *oob_data; void *f_oob_ctx; void *private_data; };
            struct st { int x; struct st *next; };
            """;

    @Test
    void hookWritesDirectlyOrThroughAHelper() throws Exception {
        Check.in(tmp).file("a.c", TYPES + """
                static void tag(struct file *f, void *v)
                {
                	f->oob_data = v; /* expect: DL202 */
                }
                """ + Check.hooks("""
                	if (!file->oob_data)
                		tag(file, files);
                """, """
                	file->f_oob_ctx = NULL; /* expect: DL202 */
                """, """
                	file->private_data = NULL;
                """)).verify();
    }

    @Test
    void uninstallFreesTheOobObject() throws Exception {
        Check.in(tmp)
                .file("put.c", TYPES + """
                        void put_st(struct st *s)
                        {
                        	kfree(s); /* expect: DL203 */
                        }
                        """)
                .file("a.c", TYPES + """
                        void put_st(struct st *s);
                        static struct kmem_cache *cache;
                        """ + Check.hooks("", "", """
                        	struct st *s = file->oob_data;
                        	struct st *alias;
                        	kfree(file->oob_data); /* expect: DL203 */
                        	alias = s;
                        	kmem_cache_free(cache, alias); /* expect: DL203 */
                        	put_st(file->f_oob_ctx);
                        """))
                .verify();
    }

    @Test
    void freeingThePerFdEntryOrInOtherHooksIsNotDl203() throws Exception {
        Check.in(tmp).file("a.c", TYPES + """
                struct st *lookup(struct files_struct *files, unsigned int fd);
                static void put_st(struct st *s)
                {
                	kfree(s);
                }
                """ + Check.hooks("", "", """
                	struct st *s = file->oob_data;
                	struct st *efd = lookup(files, fd);
                	if (s)
                		kfree(efd);
                	put_st(efd);
                	if (s)
                		kfree(s->next);
                """)).verify();
    }

    @Test
    void configuredCoreFreeFunction() throws Exception {
        Check.in(tmp)
                .file(".dovelint.yml", """
                        functions:
                          evl_release_file:
                            frees-arg: 0
                        """)
                .file("a.c", TYPES + "void evl_release_file(void *p);\n" + Check.hooks("", "", """
                        	evl_release_file(file->oob_data); /* expect: DL203 */
                        """))
                .verify();
    }

    @Test
    void profilePinsTheFieldName() throws Exception {
        Check.in(tmp)
                .file(".dovelint.yml", "profile: f-oob-ctx\n")
                .file("a.c", TYPES + Check.hooks("""
                        	file->oob_data = NULL;
                        	file->f_oob_ctx = NULL; /* expect: DL202 */
                        """, "", ""))
                .verify();
    }

    @Test
    void driverSetsOnlyInOpenAndClearsInRelease() throws Exception {
        Check.in(tmp).file("drv.c", TYPES + """
                static void attach(struct file *f, void *v)
                {
                	f->oob_data = v;
                }
                static void detach(struct file *f)
                {
                	f->oob_data = NULL;
                }
                static int d_open(struct inode *i, struct file *f)
                {
                	attach(f, kzalloc(8, GFP_KERNEL));
                	return 0;
                }
                static int d_release(struct inode *i, struct file *f)
                {
                	detach(f);
                	return 0;
                }
                static long d_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
                {
                	f->oob_data = (void *)arg; /* expect: DL204 */
                	return 0;
                }
                static void shared(struct file *f)
                {
                	f->f_oob_ctx = f;
                }
                static ssize_t d_read(struct file *f, char *u, size_t n, loff_t *p)
                {
                	shared(f); /* expect: DL204 "reaches shared()" */
                	return 0;
                }
                static int d2_open(struct inode *i, struct file *f)
                {
                	shared(f);
                	return 0;
                }
                static const struct file_operations fops = {
                	.open = d_open,
                	.release = d_release,
                	.unlocked_ioctl = d_ioctl,
                	.read = d_read,
                };
                static const struct file_operations fops2 = { /* expect: DL205 */
                	.open = d2_open,
                };
                """).verify();
    }

    @Test
    void aLibraryHelperIsJudgedAtItsCallersAndACoreSetsBeforePublishing() throws Exception {
        Check.in(tmp).file("core.c", TYPES + """
                int core_attach(struct file *f, void *v)
                {
                	f->oob_data = v;
                	return 0;
                }
                static int core_new_fd(struct file *f, void *v, int fd)
                {
                	core_attach(f, v);
                	fd_install(fd, f);
                	return fd;
                }
                static int core_new_fd_late(struct file *f, void *v, int fd)
                {
                	fd_install(fd, f);
                	core_attach(f, v); /* expect: DL204 "reaches core_attach()" */
                	return fd;
                }
                struct factory { int (*make)(struct file *f, void *v, int fd); };
                static const struct factory good = { .make = core_new_fd };
                static const struct factory bad = { .make = core_new_fd_late };
                """).verify();
    }

    @Test
    void releaseThatFreesThroughAHelperIsEnough() throws Exception {
        Check.in(tmp)
                .file("core.c", TYPES + """
                        void core_put(void *p)
                        {
                        	kvfree(p);
                        }
                        """)
                .file("drv.c", TYPES + """
                        void core_put(void *p);
                        static int d_open(struct inode *i, struct file *f)
                        {
                        	f->oob_data = kzalloc(8, GFP_KERNEL);
                        	return 0;
                        }
                        static int d_release(struct inode *i, struct file *f)
                        {
                        	core_put(f->oob_data);
                        	return 0;
                        }
                        static int e_release(struct inode *i, struct file *f)
                        {
                        	return 0;
                        }
                        static const struct file_operations good = {
                        	.open = d_open,
                        	.release = d_release,
                        };
                        static const struct file_operations bad = { /* expect: DL205 */
                        	.release = e_release,
                        	.open = d_open,
                        };
                        """)
                .verify();
    }
}
