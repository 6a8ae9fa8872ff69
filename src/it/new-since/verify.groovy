import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, 'hooks.c:10:2: error: msleep() may sleep', 'hooks.c:15:2: error: ssleep() may sleep',
        'only findings on lines changed since base (1 on unchanged lines left out)',
        'dovelint: 2 errors, 0 warnings, 0 notes in 1 file', 'BUILD FAILURE')
lacks('build.log', log, 'mutex_lock() may sleep')
def results = json(new File(basedir, 'target/dovelint/dovelint.sarif')).path('runs').get(0).path('results')
check(results.size() == 2, "2 SARIF results, got ${results.size()}")
return true
