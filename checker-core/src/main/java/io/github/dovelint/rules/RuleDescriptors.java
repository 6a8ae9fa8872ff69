package io.github.dovelint.rules;

import io.github.dovelint.model.RuleDescriptor;

/**
 * The {@link RuleDescriptor} of a rule class: its {@link RuleInfo} and its page from the class
 * path. The descriptor itself is plain data of the API model; reading it is the rules API's.
 */
public final class RuleDescriptors {

    private RuleDescriptors() {
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
}
