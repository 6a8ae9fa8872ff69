import static io.github.dovelint.maven.it.Its.*

def log = read(new File(basedir, 'build.log'))
// a report never fails the build, whatever it finds
contains('build.log', log, 'dovelint: report: target/site/dovelint.html', 'BUILD SUCCESS')
def page = new File(basedir, 'target/site/dovelint.html')
def html = read(page).replaceAll(/>\s+</, '><').replaceAll(/<tr class="[ab]">/, '<tr>')
def pages = 'https://github.com/dovelint/dovelint/blob/main/rules/src/main/resources/io/github/dovelint/rules/pages/'
contains('dovelint.html', html,
        '<title>dovelint</title>',
        // summary: 2 files, 3 errors, 0 warnings, 0 notes, 0 problems
        '<h2>Summary</h2>', '<tr><td>2</td><td>3</td><td>0</td><td>0</td><td>0</td></tr>',
        // the rules that fired, linked to their pages, with their counts
        '<h2>Rules</h2>', "href=\"${pages}DL101.md\">DL101</a></td><td>hook-may-sleep</td>",
        "href=\"${pages}DL104.md\">DL104</a>",
        // the files, linked to their sections; only the file with findings
        '<a href="#file-src.2Fhooks.c">src/hooks.c</a></td><td>3</td><td>0</td><td>0</td>',
        // the details: severity, rule, message and chain, line
        '<a id="file-src.2Fhooks.c"></a><h3>src/hooks.c</h3>',
        '<td>error</td><td><a class="externalLink" href="' + pages + 'DL101.md">DL101</a></td><td>mutex_lock() may sleep',
        '<li><code>src/hooks.c:7:6</code>: install_inband_fd() is the entry point',
        '</ol></td><td>11</td></tr>',
        'kmalloc() with GFP_KERNEL may sleep',
        'fget() uses current-&gt;files implicitly')
lacks('dovelint.html', html, 'src/good.c</a>', '<h2>Input problems</h2>', '<script')
check(html.indexOf('mutex_lock() may sleep') < html.indexOf('kmalloc() with GFP_KERNEL') &&
        html.indexOf('kmalloc() with GFP_KERNEL') < html.indexOf('fget() uses'), 'findings in line order')
return true
