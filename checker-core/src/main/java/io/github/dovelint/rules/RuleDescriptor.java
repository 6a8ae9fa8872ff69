package io.github.dovelint.rules;

import io.github.dovelint.Severity;
import java.util.Objects;

/**
 * A rule's public metadata as reports and listings see it: the fields of its
 * {@link RuleInfo} plus its documentation page (Markdown, may be empty when
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

    /** One descriptor per rule class: the page is read from the class path once, not per call. */
    private static final ClassValue<RuleDescriptor> CACHE = new ClassValue<>() {
        @Override
        protected RuleDescriptor computeValue(Class<?> type) {
            return read(type);
        }
    };

    /** The metadata of a rule class and its page from the class path (read once per class). */
    public static RuleDescriptor of(Class<?> ruleClass) {
        return CACHE.get(ruleClass);
    }

    private static RuleDescriptor read(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleDescriptor(info.id(), info.name(), info.severity(), info.summary(),
                RulePages.load(ruleClass, info.id()));
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
