package io.github.dovelint.maven;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.maven.doxia.module.xhtml5.Xhtml5Sink;

/**
 * A whole XHTML5 page, for {@code dovelint:report} run on its own: no site skin to resolve,
 * so the goal works offline and its page opens from the file system. Under {@code mvn site}
 * the site plugin gives its own sink instead.
 */
final class StandalonePageSink extends Xhtml5Sink {

    StandalonePageSink(Writer out) {
        super(out, StandardCharsets.UTF_8.name());
    }
}
