package io.github.dovelint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.KnowledgeBaseLoader;
import io.github.dovelint.model.Problem;
import io.github.dovelint.model.Severity;
import io.github.dovelint.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(".dovelint.yml", yaml)).getMessage();
    }

    @Test
    void fullConfig() throws Exception {
        Config c = ConfigLoader.parse(".dovelint.yml", """
                rules:
                  DL101: warning
                  DL104: { severity: note }
                  DL001: off
                exclude: ["vendor/**", "*.mod.c"]
                units: ["*"]
                functions:
                  evl_alloc: { sleeps: false }
                gfp:
                  masks: { EVL_GFP: "GFP_ATOMIC | __GFP_ZERO" }
                parse:
                  include: [include]
                  defines: { CONFIG_EVL: 1, EMPTY: }
                  compile-commands: build/compile_commands.json
                """, Path.of("/proj"));
        assertEquals(Severity.WARNING, c.rules().get("DL101").severity());
        assertEquals(Severity.NOTE, c.rules().get("DL104").severity());
        assertFalse(c.rules().get("DL001").enabled());
        assertEquals(".dovelint.yml:4:3", c.rules().get("DL001").where().toString());
        assertEquals(List.of("vendor/**", "*.mod.c"), c.excludes());
        assertEquals(List.of(Path.of("/proj/include")), c.parse().includeDirs());
        assertEquals("1", c.parse().defines().get("CONFIG_EVL"));
        assertEquals("", c.parse().defines().get("EMPTY"));
        assertEquals(Path.of("/proj/build/compile_commands.json"), c.parse().compileCommands());
        assertEquals(Path.of("/proj"), c.directory());
    }

    @Test
    void emptyFileIsEmptyConfig() throws Exception {
        assertTrue(ConfigLoader.parse("x", "").rules().isEmpty());
        assertTrue(ConfigLoader.parse("x", "# only a comment\n").excludes().isEmpty());
    }

    @Test
    void locatedErrors() {
        assertEquals(".dovelint.yml:3:5: unknown key 'severty' (did you mean 'severity'? expected one of: severity)",
                error("rules:\n  DL104:\n    severty: note\n"));
        assertTrue(error("rulez:\n  DL101: warning\n")
                .startsWith(".dovelint.yml:1:1: unknown key 'rulez' (did you mean 'rules'?"));
        assertEquals(".dovelint.yml:2:10: bad severity 'wrning' for DL101 (did you mean 'warning'? "
                + "expected one of: error, warning, note, off)", error("rules:\n  DL101: wrning\n"));
        assertTrue(error("rules:\n  DL1: note\n").startsWith(".dovelint.yml:2:3: 'DL1' is not a rule id"));
        assertTrue(error("rules:\n  DL101: note\n  DL101: error\n")
                .startsWith(".dovelint.yml:3:3: duplicate key 'DL101' (first given at line 2)"));
        assertEquals(".dovelint.yml:1:10: 'exclude' must be a list, not 'vendor'", error("exclude: vendor\n"));
        assertTrue(error("functions:\n  kmalloc: { gfp-arg: -2 }\n").startsWith(".dovelint.yml:2:23: "));
        assertTrue(error("functions:\n  f: { frees-arg: x }\n").startsWith(".dovelint.yml:2:19: "));
        assertTrue(error("exclude: ['a/{b']\n").startsWith(".dovelint.yml:1:11: bad pattern"));
        assertTrue(error("exclude: ['../x']\n").startsWith(".dovelint.yml:1:11: pattern '../x'"));
        assertTrue(error("parse:\n  includes: [a]\n").startsWith(".dovelint.yml:2:3: unknown key 'includes'"));
        assertTrue(error("rules: [a\n").startsWith(".dovelint.yml:2:1: invalid YAML"));
        assertTrue(error("units: [1, {a: b}]\n").startsWith(".dovelint.yml:1:12: each element of 'units' must be a string"));
        assertTrue(error("gfp:\n  masks: { A: 1 }\n  flags: { A: 2 }\n")
                .startsWith(".dovelint.yml:2:12: 'A' is defined both"));
    }

    @Test
    void nonUtf8IsLocatedInputError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(".dovelint.yml");
        Files.write(f, new byte[] {'r', 'u', 'l', 'e', 's', ':', '\n', ' ', ' ', (byte) 0xff, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals(Problem.Kind.INPUT, e.kind());
        assertEquals(2, e.location().line());
        assertEquals(3, e.location().column());
        assertEquals(f.toString(), e.location().file());
    }

    @Test
    void loadFromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(".dovelint.yml");
        Files.writeString(f, "exclude: [gen]\n");
        Config c = ConfigLoader.load(f);
        assertEquals(dir.toAbsolutePath().normalize(), c.directory());
        assertTrue(c.isExcluded(Path.of("gen/a.c")));
        assertNull(Config.empty().directory());
    }

    @Test
    void excludesAndUnits() throws Exception {
        Config c = ConfigLoader.parse("c", """
                exclude: ["vendor/**", "**/*.mod.c", "*.gen.c", "build/"]
                units: ["*", "drivers/*"]
                """);
        assertTrue(c.isExcluded(Path.of("vendor/a.c")));
        assertTrue(c.isExcluded(Path.of("vendor/x/y/z.c")));
        assertFalse(c.isExcluded(Path.of("src/vendor.c")));
        assertTrue(c.isExcluded(Path.of("x.mod.c")));
        assertTrue(c.isExcluded(Path.of("a/b/x.mod.c")));
        assertTrue(c.isExcluded(Path.of("deep/dir/k.gen.c")));
        assertTrue(c.isExcluded(Path.of("build/o/x.c")));
        assertFalse(c.isExcluded(Path.of("src/main.c")));
        assertTrue(c.isUnit(Path.of("core")));
        assertFalse(c.isUnit(Path.of("core/sub")));
        assertEquals(Path.of("core"), c.unitOf(Path.of("core/sub/f.c")).orElseThrow());
        assertEquals(Path.of("drivers"), c.unitOf(Path.of("drivers/net/f.c")).orElseThrow());
        assertTrue(c.unitOf(Path.of("top.c")).isEmpty());
    }

    @Test
    void knowledgeOverridesAndNesting() throws Exception {
        KnowledgeBase base = KnowledgeBaseLoader.load("kb", """
                hooks: [install_inband_fd]
                oob-fields: [oob_data]
                gfp:
                  reclaim-flag: __GFP_DIRECT_RECLAIM
                  flags: { __GFP_DIRECT_RECLAIM: 0x400, __GFP_KSWAPD_RECLAIM: 0x800, __GFP_ZERO: 0x100 }
                  masks: { GFP_ATOMIC: "__GFP_KSWAPD_RECLAIM", GFP_KERNEL: "__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM" }
                functions:
                  evl_alloc: { sleeps: true, why: "body calls kmalloc" }
                """);
        Config parent = ConfigLoader.parse("p", """
                rules: { DL101: error, DL102: note }
                exclude: [vendor]
                functions:
                  evl_alloc: { sleeps: false }
                  my_wait: { sleeps: true, why: "waits on the core's event" }
                gfp:
                  masks: { EVL_GFP: "GFP_ATOMIC | __GFP_ZERO" }
                """);
        KnowledgeBase kb = parent.knowledge(base);
        assertTrue(kb.function("evl_alloc").orElseThrow().knownNotToSleep());
        assertEquals("body calls kmalloc", kb.function("evl_alloc").orElseThrow().why().orElseThrow());
        assertFalse(kb.gfp().allowsReclaim(kb.gfp().value("EVL_GFP").getAsLong()));

        Config child = ConfigLoader.parse("c", """
                rules: { DL101: warning }
                exclude: [gen]
                functions:
                  my_wait: { why: "child reason" }
                oob-fields: [f_oob_ctx]
                """);
        Config both = child.over(parent);
        assertEquals(Severity.WARNING, both.rules().get("DL101").severity());
        assertEquals(Severity.NOTE, both.rules().get("DL102").severity());
        assertEquals(List.of("vendor", "gen"), both.excludes());
        KnowledgeBase kb2 = both.knowledge(base);
        assertTrue(kb2.function("my_wait").orElseThrow().maySleep());
        assertEquals("child reason", kb2.function("my_wait").orElseThrow().why().orElseThrow());
        assertEquals(List.of("f_oob_ctx"), kb2.oobFields());
        assertTrue(kb2.gfp().value("EVL_GFP").isPresent());

        Config guards = ConfigLoader.parse("g", """
                guard-classes:
                  evl_mutex: { acquire: evl_lock_mutex, release: evl_unlock_mutex }
                """);
        KnowledgeBase kb3 = guards.over(both).knowledge(base);
        assertEquals("evl_lock_mutex", kb3.guardClasses().find("evl_mutex").acquire());
        assertEquals(null, kb2.guardClasses().find("evl_mutex"));
        assertEquals("g:2:14: missing required key 'release' in guard class 'evl_mutex'",
                assertThrows(ConfigException.class, () -> ConfigLoader.parse("g",
                        "guard-classes:\n  evl_mutex: { acquire: evl_lock_mutex }\n")).getMessage());

        Config bad = ConfigLoader.parse("c", "gfp:\n  masks: { X: \"NOPE | GFP_KERNEL\" }\n");
        ConfigException e = assertThrows(ConfigException.class, () -> bad.knowledge(base));
        assertEquals("c:2:16", e.location().toString());
        Config cyc = ConfigLoader.parse("c", "gfp:\n  masks: { X: \"Y\", Y: \"X\" }\n");
        assertTrue(assertThrows(ConfigException.class, () -> cyc.knowledge(base)).getMessage().contains("cycle"));
    }

    @Test
    void configPassIsOnOrOffAndANestedUnitsSettingWins() throws Exception {
        assertEquals(java.util.Optional.empty(), ConfigLoader.parse("c", "rules: {}\n").configPass());
        assertEquals(java.util.Optional.of(false), ConfigLoader.parse("c", "config-pass: off\n").configPass());
        assertEquals(java.util.Optional.of(false), ConfigLoader.parse("c", "config-pass: false\n").configPass());
        assertEquals(java.util.Optional.of(true), ConfigLoader.parse("c", "config-pass: on\n").configPass());
        assertEquals(".dovelint.yml:1:14: bad value 'sometimes' for 'config-pass' (expected on or off)",
                error("config-pass: sometimes\n"));
        Config run = ConfigLoader.parse("run", "config-pass: off\n");
        assertEquals(java.util.Optional.of(false), ConfigLoader.parse("unit", "rules: {}\n").over(run).configPass(),
                "a unit saying nothing keeps the run's");
        assertEquals(java.util.Optional.of(true), ConfigLoader.parse("unit", "config-pass: on\n").over(run)
                .configPass(), "a unit's own setting wins");
    }
}
