import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, 'BUILD SUCCESS', 'dovelint: 3 errors')
def file = new File(basedir, 'target/dovelint/dovelint.sarif')
def errors = sarifErrors(file)
check(errors.isEmpty(), "SARIF validates against sarif-schema-2.1.0.json: ${errors}")
def run = json(file).path('runs').get(0)
check(run.path('automationDetails').path('id').asText() == 'kernel/', 'automationDetails from <sarifCategory>')
def rule = run.path('tool').path('driver').path('rules').get(0)
check(rule.path('helpUri').asText().endsWith('/pages/DL001.md'), "helpUri: ${rule.path('helpUri')}")
check(!rule.path('help').path('markdown').asText().isEmpty(), 'help.markdown')
def uri = run.path('results').get(0).path('locations').get(0).path('physicalLocation').path('artifactLocation').path('uri').asText()
check(uri == 'odd%20dir/hooks%20%231.c', "escaped uri: ${uri}")
return true
