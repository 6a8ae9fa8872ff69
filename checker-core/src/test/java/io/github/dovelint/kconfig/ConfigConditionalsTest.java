package io.github.dovelint.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading which CONFIG_* options a text's conditionals test, and which enclose a line. */
class ConfigConditionalsTest {

    private static final String TEXT = """
            #ifndef _CONFIG_X_H
            #define _CONFIG_X_H
            #include <linux/kconfig.h>
            #ifdef CONFIG_A
            int a;
            #elif defined(CONFIG_B) && \\
                IS_ENABLED(CONFIG_C)
            int b;
            #else /* CONFIG_D is not tested here */
            int c;
            #endif
            /*
            #if CONFIG_COMMENTED
            */
            # if CONFIG_HZ > 100 // CONFIG_TRAILING
            int d;
            #  ifndef CONFIG_E
            int e;
            #  endif
            # endif
            int f = CONFIG_NOT_A_TEST;
            #endif
            """;

    @Test
    void testedOptionsAreThoseOfConditionalsOutsideComments() {
        assertEquals(List.of("CONFIG_A", "CONFIG_B", "CONFIG_C", "CONFIG_E", "CONFIG_HZ"),
                List.copyOf(ConfigConditionals.tested(TEXT)));
    }

    @Test
    void anIncludeGuardIsNotAnOption() {
        assertEquals(Set.of(), ConfigConditionals.tested("#ifndef _CONFIG_X_H\n#define _CONFIG_X_H\n#endif\n"));
    }

    @Test
    void enclosingOptionsFollowTheOpenGroups() {
        assertEquals(Set.of("CONFIG_A"), ConfigConditionals.enclosing(TEXT, 5));
        assertEquals(Set.of("CONFIG_A", "CONFIG_B", "CONFIG_C"), ConfigConditionals.enclosing(TEXT, 8));
        assertEquals(Set.of("CONFIG_A", "CONFIG_B", "CONFIG_C"), ConfigConditionals.enclosing(TEXT, 10));
        assertEquals(Set.of("CONFIG_HZ"), ConfigConditionals.enclosing(TEXT, 16));
        assertEquals(Set.of("CONFIG_E", "CONFIG_HZ"), ConfigConditionals.enclosing(TEXT, 18));
        assertEquals(Set.of(), ConfigConditionals.enclosing(TEXT, 21));
    }
}
