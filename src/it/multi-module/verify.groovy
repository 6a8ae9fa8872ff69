import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, 'Using the MultiThreadedBuilder implementation with a thread count of 2',
        'hooks.c:12:6: error: kmalloc() with GFP_KERNEL may sleep',
        'dovelint: 3 errors, 0 warnings, 0 notes in 1 file',
        'dovelint: 0 errors, 0 warnings, 0 notes in 1 file',
        'no C sources in', 'BUILD SUCCESS')
lacks('build.log', log, 'dovelint: 3 errors, 0 warnings, 0 notes in 2 files', 'is not thread-safe')
def core = json(new File(basedir, 'core/target/dovelint/dovelint.json'))
check(core.path('findings').size() == 3, 'core has 3 findings')
check(core.path('findings').get(0).path('location').path('file').asText() == 'hooks.c', 'paths relative to the module')
def driver = json(new File(basedir, 'driver/target/dovelint/dovelint.json'))
check(driver.path('findings').size() == 0, 'driver is clean')
check(!new File(basedir, 'target/dovelint').exists(), 'the aggregator checks nothing itself')
return true
