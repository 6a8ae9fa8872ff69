import static io.github.dovelint.maven.it.Its.*

def runs = invocations(read(new File(basedir, 'build.log')))
check(runs.size() == 2, "2 invocations, got ${runs.size()}")
contains('run 1', runs[0],
        '[WARNING] big.c: warning: input problem: skipped: too large',
        '[ERROR] hooks.c:11:2: error: mutex_lock() may sleep: calls might_sleep() at kernel/locking/mutex.c:',
        'dovelint could not analyse everything (1 file(s) not analysed: big.c)',
        '-Ddovelint.keepGoing', 'BUILD FAILURE')
def first = json(new File(basedir, 'target/run1/dovelint.json'))
check(first.toString().contains('big.c'), "run 1's report names the file not analysed: ${first}")

contains('run 2', runs[1], 'dovelint found 3 findings at or above error', 'See the findings in the reports',
        'BUILD FAILURE')
lacks('run 2', runs[1], 'may sleep', 'skipped: too large', 'dovelint: 3 errors', 'dovelint: reports:',
        'nothing to check for', 'could not analyse everything')
check(json(new File(basedir, 'target/run2/dovelint.json')).path('findings').size() == 3, 'run 2 still writes the report')
return true
