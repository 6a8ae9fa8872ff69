import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, 'dovelint: skipped', 'BUILD SUCCESS')
lacks('build.log', log, 'hooks.c:11')
check(!new File(basedir, 'target/dovelint').exists(), 'no reports when skipped')
return true
