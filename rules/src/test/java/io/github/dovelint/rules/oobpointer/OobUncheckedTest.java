package io.github.dovelint.rules.oobpointer;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OobUncheckedTest {

    @TempDir
    Path tmp;

    private static final String INSTALL = "void install_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";
    private static final String REPLACE = "void replace_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";
    private static final String UNINSTALL = "void uninstall_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";

    private Check check(String source) {
        return Check.in(tmp).only("DL201").file("a.c", source);
    }

    @Test
    void directAndAliasedDereferencesWithoutATest() throws Exception {
        check(INSTALL + """
                {
                	struct evl_file *ctx = file->oob_data;
                	ctx->refs++; /* expect: DL201 */
                	ctx->refs++;
                }
                """ + REPLACE + """
                {
                	int v = ((struct evl_file *)file->f_oob_ctx)->refs; /* expect: DL201 */
                }
                """ + UNINSTALL + """
                {
                	struct evl_file *ctx;
                	ctx = READ_ONCE(file->oob_data);
                	if (fd > 3)
                		ctx->refs--; /* expect: DL201 */
                }
                """).verify();
    }

    @Test
    void testedPointersAreFine() throws Exception {
        check(INSTALL + """
                {
                	struct evl_file *ctx = file->oob_data;
                	if (!ctx)
                		return;
                	ctx->refs++;
                	if (file->f_oob_ctx != NULL && ((struct evl_file *)file->f_oob_ctx)->refs)
                		return;
                }
                """ + REPLACE + """
                {
                	if (file->oob_data) {
                		struct evl_file *c = file->oob_data;
                		c->refs++;
                	}
                	if (unlikely(!file->oob_data))
                		goto out;
                	((struct evl_file *)file->oob_data)->refs++;
                out:
                	return;
                }
                """ + UNINSTALL + """
                {
                	struct evl_file *ctx = file->oob_data;
                	int n = ctx ? ctx->refs : 0;
                	while (ctx && ctx->refs)
                		ctx->refs--;
                	if (IS_ERR_OR_NULL(ctx))
                		return;
                	ctx->refs = n;
                }
                """).verify();
    }

    @Test
    void testOnOnePathOnly() throws Exception {
        check(INSTALL + """
                {
                	struct evl_file *ctx = file->oob_data;
                	if (fd > 2) {
                		if (!ctx)
                			return;
                	}
                	ctx->refs++; /* expect: DL201 */
                }
                """ + REPLACE + """
                {
                	struct evl_file *ctx = file->oob_data;
                	if (ctx == NULL)
                		ctx->refs = 0; /* expect: DL201 */
                	ctx = &fallback;
                	ctx->refs++;
                }
                """).verify();
    }

    @Test
    void helpersThatDereferenceTheirArgument() throws Exception {
        check("""
                static void bump(struct evl_file *c) { c->refs++; }
                static void safe_bump(struct evl_file *c) { if (c) c->refs++; }
                static void bump_file(struct file *f) { ((struct evl_file *)f->oob_data)->refs++; }
                static void outer(struct file *f) { bump_file(f); }
                #define BUMP(f) bump(f->oob_data)
                """ + INSTALL + """
                {
                	bump(file->oob_data); /* expect: DL201 */
                	safe_bump(file->oob_data);
                }
                """ + REPLACE + """
                {
                	outer(file); /* expect: DL201 */
                	BUMP(file);
                }
                """ + UNINSTALL + """
                {
                	if (!file->oob_data)
                		return;
                	outer(file);
                	bump(file->oob_data);
                }
                """).verify();
    }

    @Test
    void helpersThatReturnTheOobPointer() throws Exception {
        check("""
                static inline struct evl_file *evl_ctx(struct file *f) { return f->oob_data; }
                static inline struct evl_file *same(struct evl_file *c) { return c; }
                """ + INSTALL + """
                {
                	struct evl_file *ctx = evl_ctx(file);
                	ctx->refs++; /* expect: DL201 */
                }
                """ + REPLACE + """
                {
                	struct evl_file *ctx = same(evl_ctx(file));
                	if (!ctx)
                		return;
                	ctx->refs++;
                	evl_ctx(file)->refs++;
                }
                """ + UNINSTALL + """
                {
                	if (!file->oob_data)
                		return;
                	evl_ctx(file)->refs--;
                	same(file->oob_data)->refs--;
                }
                """).verify();
    }

    @Test
    void kernelIdiomsForTheTest() throws Exception {
        check(INSTALL + """
                {
                	struct evl_file *ctx;
                	if (!(ctx = file->oob_data))
                		return;
                	ctx->refs++;
                }
                """ + REPLACE + """
                {
                	struct evl_file *ctx = file->oob_data;
                	if (WARN_ON_ONCE(!ctx))
                		return;
                	ctx->refs++;
                }
                """ + UNINSTALL + """
                {
                	struct evl_file *ctx = file->oob_data;
                	switch (fd) {
                	case 0:
                		BUG_ON(!ctx);
                		ctx->refs--;
                		break;
                	case 1:
                		if (!ctx)
                			BUG();
                		ctx->refs--;
                		break;
                	default:
                		ctx->refs--; /* expect: DL201 */
                	}
                }
                """).verify();
    }
}
