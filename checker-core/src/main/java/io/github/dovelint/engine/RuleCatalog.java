package io.github.dovelint.engine;

import io.github.dovelint.model.RuleDescriptor;
import io.github.dovelint.rules.Rule;
import io.github.dovelint.suppress.Suppressor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rules a run knows: those it was given and the engine's own suppression checks (DL001, DL002). */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    /** The descriptors of {@code rules} and of the suppression checks, sorted by id. */
    public static List<RuleDescriptor> of(List<Rule> rules) {
        return List.copyOf(byId(rules).values());
    }

    /** The same descriptors, by id. */
    static Map<String, RuleDescriptor> byId(List<Rule> rules) {
        Map<String, RuleDescriptor> byId = new TreeMap<>();
        for (Rule r : rules) {
            byId.put(r.descriptor().id(), r.descriptor());
        }
        byId.put(Suppressor.WITHOUT_REASON.id(), Suppressor.WITHOUT_REASON);
        byId.put(Suppressor.UNUSED.id(), Suppressor.UNUSED);
        return byId;
    }
}
