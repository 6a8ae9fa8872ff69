package io.github.dovelint.rules.currenttask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.model.AnalysisResult;
import io.github.dovelint.model.Finding;
import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL104: every way uninstall_inband_fd can reach current->files / current->mm, and none for install/replace. */
class UninstallUsesCurrentTest {

    @TempDir
    Path tmp;

    private static final String USES = """
            	struct task_struct *t = current;
            	struct task_struct *u;
            	void *a = current->files; /* expect: DL104 */
            	void *b = current->mm; /* expect: DL104 */
            	void *c = get_current()->files; /* expect: DL104 */
            	void *d = t->mm; /* expect: DL104 */
            	u = get_current();
            	void *e = u->files; /* expect: DL104 */
            	struct file *f = fget(fd); /* expect: DL104 */
            	struct file *g = fget_raw(fd); /* expect: DL104 */
            	struct fd h = fdget(fd); /* expect: DL104 */
            	struct file *i = lookup_fd_rcu(fd); /* expect: DL104 */ /* expect: DL303 */
            	struct mm_struct *mm = get_task_mm(current); /* expect: DL104 */
            	struct mm_struct *mm2 = get_task_mm(t); /* expect: DL104 */
            	struct file *j = task_lookup_fd_rcu(current, fd); /* expect: DL104 */
            	struct file *k = task_lookup_fd_rcu(some_task, fd);
            	if (access_ok(uptr, 4)) /* expect: DL104 */
            		return;
            	int pid = current->pid;
            	struct file *l = files_lookup_fd_rcu(files, fd); /* expect: DL303 */
            """;

    @Test
    void everyVariantInUninstall() throws Exception {
        Check.in(tmp).file("a.c", "static void __user *uptr;\n"
                + "void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n{\n"
                + USES + "}\n").verify();
    }

    @Test
    void everyVariantInAHelperOfUninstall() throws Exception {
        AnalysisResult r = Check.in(tmp).file("a.c", "static void __user *uptr;\n"
                + "static void peek(unsigned int fd, struct files_struct *files)\n{\n" + USES + "}\n"
                + "void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
                + "{\n\tpeek(fd, files);\n}\n").verify();
        Finding f = r.findings().get(0);
        assertEquals("uninstall_inband_fd", f.chains().get(0).entry());
        assertEquals(3, f.chains().get(0).steps().size());
        assertTrue(f.message().contains("uses current->files"), f.message());
    }

    @Test
    void installAndReplaceMayUseCurrent() throws Exception {
        Check.in(tmp).file("a.c", "static void __user *uptr;\n"
                + "static void peek(unsigned int fd, struct files_struct *files)\n{\n" + USES.replaceAll(
                        "/\\* expect: DL104 \\*/", "") + "}\n"
                + "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
                + "{\n\tpeek(fd, files);\n}\n"
                + "void replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n"
                + "{\n\tpeek(fd, files);\n\tif (current->files != files)\n\t\treturn;\n}\n").verify();
    }

    @Test
    void reachedFromUninstallAndInstallIsReportedOnceWithOnlyTheUninstallChain() throws Exception {
        AnalysisResult r = Check.in(tmp).file("a.c", """
                static bool owned(struct files_struct *files)
                {
                	return current->files == files; /* expect: DL104 */
                }
                void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	owned(files);
                }
                void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                {
                	owned(files);
                }
                """).verify();
        assertEquals(1, r.findings().get(0).chains().size());
        assertEquals("uninstall_inband_fd", r.findings().get(0).chains().get(0).entry());
    }
}
