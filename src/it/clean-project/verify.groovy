import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
contains('build.log', log, 'dovelint: 0 errors, 0 warnings, 0 notes in 1 file', 'BUILD SUCCESS',
        'dovelint: reports: target/dovelint/dovelint.sarif, target/dovelint/dovelint.html',
        // the project has only an install hook: the other hooks' rules say they had nothing to check
        'dovelint: nothing to check for DL104, DL203 (no uninstall_inband_fd definition)')
lacks('build.log', log, 'stale/bad.c')
check(sarifErrors(new File(basedir, 'target/dovelint/dovelint.sarif')).isEmpty(), 'empty SARIF is valid')
def html = read(new File(basedir, 'target/dovelint/dovelint.html'))
contains('dovelint.html', html, '<p>No findings.</p>')
return true
