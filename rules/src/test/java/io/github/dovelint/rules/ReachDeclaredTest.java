package io.github.dovelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every bundled rule says what it can look at ({@link Reach}): one without would make every
 * large tree parse every file again.
 */
class ReachDeclaredTest {

    @Test
    void everyBundledRuleDeclaresItsReach() {
        List<Rule> rules = Analyzer.discoverRules(Analyzer.class.getClassLoader());
        assertTrue(rules.size() >= 16, rules::toString);
        List<String> without = new ArrayList<>();
        for (Rule r : rules) {
            if (r.getClass().getAnnotationsByType(Reach.class).length == 0) {
                without.add(r.descriptor().id());
            }
        }
        assertEquals(List.of(), without);
    }
}
