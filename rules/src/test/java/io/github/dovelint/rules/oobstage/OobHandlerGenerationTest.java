package io.github.dovelint.rules.oobstage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DL401 per Dovetail generation (docs/contracts.md#the-oob-pointer-across-dovetail-generations):
 * the generation is the pinned profile's, or the one of the oob pointer the code uses; fget()
 * and its kin are allowed on the oob stage from generation 2, fput() in generation 3; sleeping
 * and direct current->files uses never are.
 */
class OobHandlerGenerationTest {

    @TempDir
    Path tmp;

    /** A driver whose oob ioctl looks fds up every way; {@code OOB} is the oob pointer it uses. */
    private static String driver(String oob, String fgetMark, String classMark) {
        return """
                static DEFINE_MUTEX(lock);
                static long lookup(unsigned int fd)
                {
                	CLASS(fd, f)(fd);%s
                	return fd_empty(f) ? -9 : 0;
                }
                static long helper(unsigned int fd)
                {
                	struct file *p = fget(fd);%s
                	if (!p)
                		return -9;
                	fput(p);
                	return 0;
                }
                static int drv_open(struct inode *i, struct file *filp)
                {
                	filp->OOB = filp;
                	return 0;
                }
                static long drv_oob_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
                {
                	if (!current->files->fdt) /* expect: DL401 "uses current->files" */
                		return -1;
                	mutex_lock(&lock); /* expect: DL401 "mutex_lock() may sleep" */
                	mutex_unlock(&lock);
                	return lookup(cmd) + helper(cmd);
                }
                static const struct file_operations fops = {
                	.open = drv_open,
                	.oob_ioctl = drv_oob_ioctl,
                };
                """.formatted(classMark, fgetMark).replace("OOB", oob);
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().filter(f -> f.ruleId().equals("DL401")).map(Finding::message).toList();
    }

    @Test
    void generationOneForbidsEveryInbandLookup() throws Exception {
        AnalysisResult r = Check.in(tmp).only("DL401")
                .file("drv.c", driver("oob_data", " /* expect: DL401 \"fget() uses current->files\" */",
                        " /* expect: DL401 \"fdget() uses current->files\" */"))
                .verify();
        messages(r).forEach(m -> assertTrue(m.endsWith("(Dovetail generation 1: oob_data)"), m));
    }

    @Test
    void generationTwoAllowsFgetAndClassFd() throws Exception {
        AnalysisResult r = Check.in(tmp).only("DL401").file("drv.c", driver("f_oob_ctx", "", "")).verify();
        assertEquals(2, messages(r).size());
        messages(r).forEach(m -> assertTrue(m.endsWith("(Dovetail generation 2: f_oob_ctx)"), m));
    }

    @Test
    void generationThreeIsToldByTheMemberPath() throws Exception {
        AnalysisResult r = Check.in(tmp).only("DL401")
                .file("drv.c", driver("f_oob_state.data", "", "")).verify();
        messages(r).forEach(m -> assertTrue(m.endsWith("(Dovetail generation 3: f_oob_state.data)"), m));
    }

    @Test
    void aPinnedProfileWinsOverTheCode() throws Exception {
        AnalysisResult r = Check.in(tmp).only("DL401")
                .file(".dovelint.yml", "profile: oob-data\n")
                .file("drv.c", driver("f_oob_state.data", " /* expect: DL401 */", " /* expect: DL401 */"))
                .verify();
        messages(r).forEach(m -> assertTrue(m.endsWith("(Dovetail generation 1: oob_data)"), m));
    }

    @Test
    void undecidedCodeGetsOnlyWhatEveryGenerationForbids() throws Exception {
        AnalysisResult none = Check.in(tmp.resolve("none")).only("DL401")
                .file("drv.c", driver("private_data", "", "")).verify();
        messages(none).forEach(m -> assertTrue(m.endsWith("(Dovetail generation 1, 2 or 3: the code uses no oob "
                + "pointer, so only what every one of them forbids)"), m));
        AnalysisResult both = Check.in(tmp.resolve("both")).only("DL401")
                .file("drv.c", driver("oob_data", "", ""))
                .file("other.c", "void *ctx(struct file *f) { return f->f_oob_ctx; }\n")
                .file("third.c", "void *st(struct file *f) { return f->f_oob_state.data; }\n")
                .verify();
        messages(both).forEach(m -> assertTrue(m.endsWith("(Dovetail generation 1, 2 or 3: the code uses "
                + "f_oob_ctx, f_oob_state.data and oob_data, so only what every one of them forbids)"), m));
    }
}
