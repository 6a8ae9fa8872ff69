import static io.github.dovelint.maven.it.Its.*

// base: the old code, with an old finding (mutex_lock) in install_inband_fd
def src = new File(basedir, 'hooks.c')
src.text = '''#include <linux/mutex.h>
#include <linux/delay.h>

static DEFINE_MUTEX(evl_lock);

void install_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
{
	mutex_lock(&evl_lock);
	mutex_unlock(&evl_lock);
}
'''
git(basedir, 'init', '-q')
git(basedir, 'add', 'hooks.c', 'pom.xml')
git(basedir, 'commit', '-q', '-m', 'base')
git(basedir, 'tag', 'base')
// the change under review: a committed new sleeping call, and an uncommitted one in a new hook
src.text = src.text.replace('\tmutex_unlock(&evl_lock);\n', '\tmutex_unlock(&evl_lock);\n\tmsleep(10);\n')
git(basedir, 'commit', '-q', '-am', 'change')
src.text = src.text + '''
void uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)
{
	ssleep(1);
}
'''
return true
