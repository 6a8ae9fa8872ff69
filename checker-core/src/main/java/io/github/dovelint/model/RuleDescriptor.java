package io.github.dovelint.model;

import java.util.Objects;

/**
 * A rule's public metadata as reports and listings see it: the fields of its
 * {@code @RuleInfo} plus its documentation page (Markdown, may be empty when
 * a rule ships without one, which a test forbids for the bundled rules).
 */
public record RuleDescriptor(String id, String name, Severity defaultSeverity, String summary, String page) {

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(summary, "summary");
        page = page == null ? "" : page;
    }

    /**
     * The page's body without its first heading line: the "full description"
     * used by SARIF and the IDE.
     */
    public String fullDescription() {
        String body = page.strip();
        if (body.startsWith("#")) {
            int nl = body.indexOf('\n');
            body = nl < 0 ? "" : body.substring(nl + 1).strip();
        }
        int end = body.indexOf("\n\n");
        return end < 0 ? body : body.substring(0, end).strip();
    }
}
