package io.github.dovelint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A YAML file nested absurdly deep is a located configuration error, never a stack overflow. */
class YamlDepthTest {

    @Test
    void flowNestingPastTheLimitIsALocatedError() {
        String text = "rules: {}\nfunctions: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        ConfigException e = assertThrows(ConfigException.class, () -> YamlDoc.compose(".dovelint.yml", text));
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("nested more than 256 levels deep"), e.getMessage());
    }

    @Test
    void blockNestingPastTheLimitIsALocatedError() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> YamlDoc.compose("kb.yml", text.toString()));
        assertEquals(257, e.location().line(), "the first line 257 levels deep");
    }

    @Test
    void ordinaryFilesAndQuotedBracketsPass() throws ConfigException {
        YamlDoc.compose("ok.yml", "rules:\n  DL101: warning\nexclude: [\"a[b\", 'c{d']\n# a [ comment\n");
    }
}
