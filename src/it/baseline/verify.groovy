import static io.github.dovelint.maven.it.Its.*

def step2 = json(new File(basedir, 'target/step2/dovelint.json'))
check(step2.path('findings').size() == 0, "step 2: every v1 finding is accepted, got ${step2.path('findings')}")
def step3 = json(new File(basedir, 'target/step3/dovelint.json'))
check(step3.path('findings').size() == 1, "step 3: only the new finding, got ${step3.path('findings')}")
check(step3.path('findings').get(0).path('snippet').asText() == 'msleep(1);', 'step 3: the msleep')
def step6 = json(new File(basedir, 'target/step6/dovelint.json'))
check(step6.path('findings').size() == 0, 'step 6: passes after the new baseline')

def baseline = json(new File(basedir, 'dovelint-baseline.json'))
check(baseline.path('baselineVersion').asInt() == 1, 'baseline version')
def snippets = baseline.path('entries').collect { it.path('snippet').asText() }.sort()
check(snippets == ['mutex_lock(&evl_lock);', 'msleep(1);', 'struct file *f = fget(fd);'].sort(),
        "pruned baseline holds v2's findings: ${snippets}")

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, 'dovelint: 1 stale entry pruned:', 'kmalloc() with GFP_KERNEL may sleep')
return true
