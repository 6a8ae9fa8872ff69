import static io.github.dovelint.maven.it.Its.*

def runs = invocations(read(new File(basedir, 'build.log')))
check(runs.size() == 3, "3 invocations, got ${runs.size()}")
def time = runs.collect { run -> run.readLines().find { it.contains('dovelint: time: ') } ?: '' }
// cold: every phase ran
check(time[0].contains(' parse ') && time[0].contains(' rules '), "run 1 parses and runs the rules: ${time[0]}")
// warm: the unit's record is replayed, nothing is parsed and no rule runs
check(time[1].contains('dovelint: time: reuse check ') && !time[1].contains(' parse ') && !time[1].contains(' rules '),
        "run 2 replays the cache: ${time[1]}")
// no cache: parses again
check(time[2].contains(' parse ') && !time[2].contains('reuse check'), "run 3 parses without the cache: ${time[2]}")
runs.each { contains('build.log', it, 'dovelint: 3 errors, 0 warnings, 0 notes in 1 file', 'BUILD SUCCESS') }

def cache = new File(basedir, 'target/dovelint-cache')
def facts = []
cache.eachFileRecurse { if (it.name.endsWith('.facts')) facts << it }
check(facts.size() == 1, "one facts entry (hooks.c) in ${cache}: ${facts}")
check(!new File(basedir, 'target/unused-cache').exists(), 'noCache writes no cache')

def reports = (1..3).collect { read(new File(basedir, "target/run${it}/dovelint.json")) }
check(json(new File(basedir, 'target/run1/dovelint.json')).path('findings').size() == 3, 'run 1 has the 3 findings')
check(reports[1] == reports[0], 'the warm run reports the same findings, byte for byte')
check(reports[2] == reports[0], 'the run without cache reports the same findings, byte for byte')
return true
