package io.github.dovelint.rules.fdtable;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL301, DL302 and DL303: the fd-table RCU rules. */
class FdtableRcuTest {

    @TempDir
    Path tmp;

    private static final String INSTALL = "void install_inband_fd(unsigned int fd, struct file *file, "
            + "struct files_struct *files)\n";

    private Check check(String source) {
        return Check.in(tmp).only("DL301", "DL302", "DL303").file("a.c", source);
    }

    @Test
    void fdtableReadsNeedRcuOrTheFileLock() throws Exception {
        check("""
                struct file *peek_bad(struct files_struct *files, unsigned int fd)
                {
                	struct fdtable *fdt = files_fdtable(files); /* expect: DL301 */
                	return fdt->fd[fd]; /* expect: DL301 */
                }
                struct file *peek_rcu(struct files_struct *files, unsigned int fd)
                {
                	struct fdtable *fdt;
                	struct file *f = NULL;
                	rcu_read_lock();
                	fdt = files_fdtable(files);
                	if (fd < fdt->max_fds)
                		f = rcu_dereference_raw(fdt->fd[fd]);
                	rcu_read_unlock();
                	fdt = files_fdtable(files); /* expect: DL301 */
                	return f;
                }
                int count_locked(struct files_struct *files)
                {
                	struct fdtable *fdt;
                	int n;
                	spin_lock(&files->file_lock);
                	fdt = files_fdtable(files);
                	n = fdt->max_fds;
                	spin_unlock(&files->file_lock);
                	if (n > 2)
                		spin_lock(&files->file_lock);
                	fdt = files_fdtable(files); /* expect: DL301 */
                	if (n > 2)
                		spin_unlock(&files->file_lock);
                	return n;
                }
                """).verify();
    }

    @Test
    void hooksAndTheirCalleesAreProtectedForTheirFilesArgument() throws Exception {
        check("""
                static struct file *slot(struct files_struct *files, unsigned int fd)
                {
                	return files_fdtable(files)->fd[fd];
                }
                static struct file *slot_locked(struct files_struct *files, unsigned int fd)
                {
                	return files_fdtable(files)->fd[fd];
                }
                void caller(struct files_struct *files)
                {
                	spin_lock(&files->file_lock);
                	slot_locked(files, 0);
                	spin_unlock(&files->file_lock);
                }
                """ + INSTALL + """
                {
                	struct fdtable *fdt = files_fdtable(files);
                	struct file *f = fdt->fd[fd];
                	slot(files, fd);
                	struct fdtable *cur = files_fdtable(current->files); /* expect: DL301 */
                }
                """).verify();
    }

    @Test
    void rcuLookupsOnlyInsideRcu() throws Exception {
        check("""
                static struct file *find(struct files_struct *files, unsigned int fd)
                {
                	return files_lookup_fd_rcu(files, fd);
                }
                struct file *good(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	rcu_read_lock();
                	f = find(files, fd);
                	if (f && !atomic_long_inc_not_zero(&f->f_count))
                		f = NULL;
                	rcu_read_unlock();
                	return f;
                }
                struct file *bad(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	spin_lock(&files->file_lock);
                	f = lookup_fd_rcu(fd); /* expect: DL303 */
                	spin_unlock(&files->file_lock);
                	rcu_read_lock();
                	rcu_read_unlock();
                	return files_lookup_fd_rcu(files, fd) ? f : NULL; /* expect: DL303 */
                }
                """).verify();
    }

    @Test
    void plainReferencesOnRcuFiles() throws Exception {
        check("""
                static struct file *find(struct files_struct *files, unsigned int fd)
                {
                	return files_lookup_fd_rcu(files, fd);
                }
                static void grab(struct file *f) { get_file(f); }
                struct file *bad(struct files_struct *files, unsigned int fd)
                {
                	struct file *f, *g;
                	struct fdtable *fdt;
                	rcu_read_lock();
                	f = lookup_fd_rcu(fd);
                	if (f)
                		get_file(f); /* expect: DL302 */
                	g = find(files, fd);
                	if (g)
                		atomic_long_inc(&g->f_count); /* expect: DL302 */
                	fdt = files_fdtable(files);
                	f = rcu_dereference(fdt->fd[fd]);
                	if (f)
                		grab(f); /* expect: DL302 */
                	g = f;
                	file_ref_inc(&g->f_ref); /* expect: DL302 */
                	get_file(files_lookup_fd_rcu(files, fd)); /* expect: DL302 */
                	rcu_read_unlock();
                	return f;
                }
                struct file *good(struct files_struct *files, unsigned int fd, struct file *other)
                {
                	struct file *f;
                	rcu_read_lock();
                	f = lookup_fd_rcu(fd);
                	if (f && !file_ref_get(&f->f_ref))
                		f = NULL;
                	if (f && !get_file_rcu(f))
                		f = NULL;
                	rcu_read_unlock();
                	get_file(other);
                	f = other;
                	get_file(f);
                	return f;
                }
                """).verify();
    }

    @Test
    void plainReferencesThroughHelpersOfHelpers() throws Exception {
        // Only functions that may hold a file found under RCU are analysed: these reach one
        // through two helpers, and by passing a helper's result straight on.
        check("""
                static struct file *find(struct files_struct *files, unsigned int fd)
                {
                	return files_lookup_fd_rcu(files, fd);
                }
                static struct file *find_again(struct files_struct *files, unsigned int fd)
                {
                	struct file *f = find(files, fd);
                	return f;
                }
                static void grab(struct file *f) { get_file(f); }
                void user(struct files_struct *files, unsigned int fd)
                {
                	struct file *f;
                	rcu_read_lock();
                	f = find_again(files, fd);
                	if (f)
                		grab(f); /* expect: DL302 */
                	grab(find(files, fd)); /* expect: DL302 */
                	rcu_read_unlock();
                }
                """).verify();
    }
}
