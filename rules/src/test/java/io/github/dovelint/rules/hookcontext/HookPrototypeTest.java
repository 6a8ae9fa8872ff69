package io.github.dovelint.rules.hookcontext;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL105 hook-prototype. */
class HookPrototypeTest {

    @TempDir
    Path tmp;

    @Test
    void correctHooksAndTheKernelsEmptyWeakDefaultsAreFine() throws Exception {
        Check.in(tmp)
                .file("fs/file.c", """
                        void __weak install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) { }
                        void __attribute__((weak)) replace_inband_fd(unsigned int fd, struct file *file,
                        		struct files_struct *files)
                        {
                        }
                        __weak void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
                        {
                        	return;
                        }
                        """)
                .file("core.c", Check.hooks("", "", ""))
                .verify();
    }

    @Test
    void eachMistake() throws Exception {
        Check.in(tmp).file("a.c", """
                static int n;
                static void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) /* expect: DL105 */
                {
                	n++;
                }
                int replace_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) /* expect: DL105 */
                {
                	return n;
                }
                void __weak uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) /* expect: DL105 */
                {
                	n = fd;
                }
                """).verify();
    }

    @Test
    void parameterTypes() throws Exception {
        Check.in(tmp).file("a.c", """
                void install_inband_fd(int fd, struct file *file, struct files_struct *files) /* expect: DL105 */
                {
                }
                void replace_inband_fd(unsigned int fd, struct files_struct *files, struct file *file) /* expect: DL105 */
                {
                }
                void uninstall_inband_fd(unsigned fd, struct file *filp, struct files_struct *table)
                {
                }
                """).verify();
    }

    @Test
    void definedTwiceReportsEveryDefinition() throws Exception {
        Check.in(tmp)
                .file("a.c", Check.hooks("", "", "")
                        .replace("void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)",
                                "void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) /* expect: DL105 */"))
                .file("b.c", """
                        void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files) /* expect: DL105 */
                        {
                        }
                        """)
                .verify();
    }
}
