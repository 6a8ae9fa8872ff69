package io.github.dovelint.rules.oobstage;

import io.github.dovelint.rules.testing.Check;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL401 oob-handler-inband-call. */
class OobHandlerTest {

    @TempDir
    Path tmp;

    @Test
    void oobHandlersReachingInbandCalls() throws Exception {
        Check.in(tmp)
                .file("helpers.c", """
                        void slow(void)
                        {
                        	msleep(1); /* expect: DL401 */
                        }
                        int look(unsigned int fd)
                        {
                        	return fdget(fd).flags; /* expect: DL401 */
                        }
                        """)
                .file("drv.c", """
                        void slow(void);
                        int look(unsigned int fd);
                        void *generation_one(struct file *f) { return f->oob_data; }
                        struct ops { void (*cb)(void); };
                        static struct ops o = { .cb = slow };
                        static ssize_t r(struct file *f, char *u, size_t n)
                        {
                        	o.cb();
                        	return 0;
                        }
                        static ssize_t w(struct file *f, const char *u, size_t n)
                        {
                        	struct mm_struct *mm = current->mm; /* expect: DL401 */
                        	return mm ? 0 : 1;
                        }
                        static long io(struct file *f, unsigned int cmd, unsigned long arg)
                        {
                        	if (copy_to_user((void *)arg, &cmd, 4)) /* expect: DL401 */
                        		return -1;
                        	return look(cmd);
                        }
                        static ssize_t inband_read(struct file *f, char *u, size_t n, loff_t *p)
                        {
                        	mutex_lock(0);
                        	return 0;
                        }
                        static const struct file_operations fops = {
                        	.read = inband_read,
                        	.oob_read = r,
                        	.oob_write = w,
                        	.oob_ioctl = io,
                        };
                        """)
                .verify();
    }

    @Test
    void oobSafeCallsAreFine() throws Exception {
        Check.in(tmp).file("drv.c", """
                int evl_wait(void *p);
                static DEFINE_HARD_SPINLOCK(l);
                static ssize_t r(struct file *f, char *u, size_t n)
                {
                	unsigned long flags;
                	void *p = kmalloc(8, GFP_ATOMIC);
                	raw_spin_lock_irqsave(&l, flags);
                	raw_spin_unlock_irqrestore(&l, flags);
                	kfree(p);
                	return evl_wait(f);
                }
                static const struct file_operations fops = {
                	.oob_read = r,
                };
                """).verify();
    }
}
