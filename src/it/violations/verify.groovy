import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log,
        '[ERROR] src/hooks.c:11:2: error: mutex_lock() may sleep',
        '[ERROR]   src/hooks.c:7:6: note: install_inband_fd() is the entry point',
        '[ERROR] src/hooks.c:12:6: error: kmalloc() with GFP_KERNEL may sleep',
        '[ERROR] src/hooks.c:19:19: error: fget() uses current->files implicitly',
        'dovelint: 3 errors, 0 warnings, 0 notes in 2 files',
        'dovelint found 3 findings at or above error',
        'target/dovelint/dovelint.html',
        'dovelint-ignore DL101: why this is safe',
        'mvn dovelint:baseline',
        'BUILD FAILURE')
def out = new File(basedir, 'target/dovelint')

def sarif = json(new File(out, 'dovelint.sarif'))
def results = sarif.path('runs').get(0).path('results')
check(results.size() == 3, "3 SARIF results, got ${results.size()}")
check(results.get(0).path('ruleId').asText() == 'DL101', 'first result is DL101')
check(results.get(0).path('codeFlows').size() == 1, 'the chain is a codeFlow')
check(results.get(2).path('ruleId').asText() == 'DL104', 'last result is DL104')
def errors = sarifErrors(new File(out, 'dovelint.sarif'))
check(errors.isEmpty(), "SARIF is valid: ${errors}")

def doc = xml(new File(out, 'dovelint-checkstyle.xml'))
def cs = doc.getElementsByTagName('error')
check(cs.length == 3, "3 checkstyle errors, got ${cs.length}")
check(doc.getElementsByTagName('file').item(0).getAttribute('name') == 'src/hooks.c', 'checkstyle file name')
check(cs.item(0).getAttribute('line') == '11' && cs.item(0).getAttribute('source') == 'dovelint.DL101', 'checkstyle line/source')

def js = json(new File(out, 'dovelint.json'))
check(js.path('findings').size() == 3 && js.path('summary').path('errors').asInt() == 3, 'json findings')
check(js.path('files').asInt() == 2, 'json counts 2 files')

def gl = json(new File(out, 'dovelint-gitlab.json'))
check(gl.size() == 3, 'gitlab has 3 issues')
check(gl.get(2).path('check_name').asText() == 'DL104' && gl.get(2).path('location').path('lines').path('begin').asInt() == 19, 'gitlab DL104 at line 19')
check(gl.get(0).path('severity').asText() == 'critical', 'gitlab severity')

def html = read(new File(out, 'dovelint.html'))
contains('dovelint.html', html, '<table class="by-rule">', '<table class="by-file">', '<ol class="chain">',
        '<span class="hit">12  \tp = kmalloc(16, GFP_KERNEL);</span>'.replace('\t', '    '),
        'fget() uses current-&gt;files implicitly')
lacks('dovelint.html', html, '<script')
return true
