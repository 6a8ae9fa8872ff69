/*
 * README: guard classes a project defines itself. The core's headers define
 * evl_mutex and evl_spin with DEFINE_GUARD(); dovelint does not read them
 * (headerless), so .dovelint.yml declares what each stands for (see
 * guard-classes: there). install takes the sleeping one from a hook, with
 * guard() and with scoped_guard() (DL101); replace and uninstall take the
 * spinning one (no finding).
 */
#include <linux/fs.h>
#include "evl.h"

static struct evl_mutex evl_install_mutex;
static struct evl_spinlock evl_index_lock;

void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (!file->oob_data)
		return;

	scoped_guard(evl_mutex, &evl_install_mutex) {	/* expect: DL101 "evl_mutex" */
		evl_count_event(0);
	}

	guard(evl_mutex)(&evl_install_mutex);	/* expect: DL101 "evl_mutex" */
	evl_count_event(1);
}

void replace_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	guard(evl_spin)(&evl_index_lock);
	evl_count_event(2);
}

void uninstall_inband_fd(unsigned int fd, struct file *file,
			 struct files_struct *files)
{
	scoped_guard(evl_spin, &evl_index_lock)
		evl_count_event(3);
}
