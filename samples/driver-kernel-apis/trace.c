/*
 * README: a driver repository without the kernel's sources. Its hooks call
 * real Linux APIs that the curated kernel.yml does not list; the shipped
 * kernel database (linux-6.12, read when the project says nothing) knows
 * which of them may sleep, each with the first step of the way there in the
 * message. The unmarked calls are APIs the database knows to be callable in
 * atomic context (no entry: nothing in them sleeps). With kernel-db: none,
 * none of these lines would be reported (docs/kernel-db.md#choosing).
 */
#include <linux/fs.h>
#include <linux/debugfs.h>
#include <linux/cdev.h>
#include <linux/gpio/consumer.h>
#include <linux/spi/spi.h>
#include <linux/skbuff.h>
#include <linux/completion.h>

struct trace_dev {
	struct dentry *dir;
	struct gpio_desc *led;
	struct spi_device *spi;
	struct spi_message msg;
	struct completion done;
	struct sk_buff *last;
	struct cdev cdev;
};

static struct trace_dev tdev;
static const struct file_operations trace_fops;

/* Shows each oob file as it gets an fd: blinks a LED, logs over SPI. */
void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (!file->oob_data)
		return;

	gpiod_set_value(tdev.led, 1);
	gpiod_set_value_cansleep(tdev.led, 0); /* expect: DL101 */
	debugfs_create_file("last-fd", 0400, tdev.dir, file, &trace_fops); /* expect: DL101 */
	spi_sync(tdev.spi, &tdev.msg); /* expect: DL101 */
	consume_skb(tdev.last);
	complete(&tdev.done);
}

/* Pinned in memory until the module goes: nothing to undo per fd. */
void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	if (!file->oob_data)
		return;

	if (gpiod_get_value(tdev.led))
		cdev_del(&tdev.cdev); /* expect: DL101 */
}
