package io.github.dovelint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.yaml.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Character classes in globs: ranges, negation, and a reversed range as a located config error. */
class GlobRangeTest {

    private static final Path BASE = Path.of("/tree");

    @Test
    void classesMatchLikeShellGlobs() {
        Glob g = Glob.path("src/[a-c]*.c", BASE);
        assertTrue(g.matches(Path.of("src/b_core.c"), BASE));
        assertFalse(g.matches(Path.of("src/d_core.c"), BASE));
        Glob not = Glob.path("[!.]x", BASE);
        assertTrue(not.matches(Path.of("ax"), BASE));
        assertFalse(not.matches(Path.of(".x"), BASE));
        Glob special = Glob.path("[\\\\^$]x", BASE);
        assertTrue(special.matches(Path.of("$x"), BASE));
    }

    @Test
    void anEmptyNegatedClassIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(".dovelint.yml", "exclude: [\"[!]x\"]\n"));
        assertTrue(e.getMessage().contains("empty character class"), e.getMessage());
    }

    @Test
    void everyGlobBecomesAValidPatternOrAnError() {
        // the shapes the fuzzer has found so far, and their neighbours
        for (String g : new String[] {"[!]x", "[^]", "[]]", "[-]", "[a-]", "[!a-z]", "{a,}", "{}", "[z-a]",
                "x[", "a]b", "**/[!.]*", "\\[x]"}) {
            try {
                Glob.path(g, BASE);
            } catch (IllegalArgumentException expected) {
                // a clear message is fine; a PatternSyntaxException would not be
            }
        }
    }

    @Test
    void aReversedRangeIsAConfigurationErrorWithItsLocation() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(".dovelint.yml", "rules: {}\nexclude: [\"src/[z-a]*.c\"]\n"));
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("reversed range 'z-a'"), e.getMessage());
    }
}
