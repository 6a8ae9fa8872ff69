import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, '[WARNING] hooks.c:12:6: warning: kmalloc() with GFP_KERNEL may sleep',
        'dovelint: 0 errors, 2 warnings, 0 notes in 1 file', 'BUILD SUCCESS')
lacks('build.log', log, 'DL104')
return true
