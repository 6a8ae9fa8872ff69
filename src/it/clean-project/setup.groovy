// A violation under target/ (generated code, a stale copy) is excluded by default.
def stale = new File(basedir, 'target/stale/bad.c')
stale.parentFile.mkdirs()
stale.text = new File(basedir, 'src/hooks.c').text + '\nvoid uninstall_inband_fd(unsigned int fd, struct file *file, struct files_struct *files)\n{\n\tmsleep(1);\n}\n'
return true
