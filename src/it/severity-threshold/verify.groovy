import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, '[WARNING] hooks.c:11:2: warning: mutex_lock() may sleep',
        '[ERROR] hooks.c:19:19: error: fget()',
        'dovelint found 3 findings at or above warning (maxAllowedViolations is 2)', 'BUILD FAILURE',
        'dovelint: 3 at or above warning, within maxAllowedViolations 3',
        'dovelint: 1 at or above error, within maxAllowedViolations 2', 'BUILD SUCCESS')
check(json(new File(basedir, 'target/step3/dovelint.json')).path('summary').path('warnings').asInt() == 2,
        'the warnings are still reported')
return true
