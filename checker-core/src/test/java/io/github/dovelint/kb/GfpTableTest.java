package io.github.dovelint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.yaml.ConfigException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GfpTableTest {

    static GfpTable gfp;

    @BeforeAll
    static void load() throws Exception {
        gfp = KnowledgeBase.bundled().gfp();
    }

    private boolean reclaim(String expr) {
        return gfp.allowsReclaim(gfp.evaluate(expr).orElseThrow());
    }

    @Test
    void kernelMasks() {
        assertEquals(0xcc0L, gfp.value("GFP_KERNEL").getAsLong());
        assertEquals(0x400L, gfp.reclaimBit());
        assertTrue(reclaim("GFP_KERNEL"));
        assertFalse(reclaim("GFP_ATOMIC"));
        assertFalse(reclaim("GFP_NOWAIT"));
        assertTrue(reclaim("GFP_KERNEL | __GFP_NOWARN"));
        assertFalse(reclaim("GFP_KERNEL & ~__GFP_DIRECT_RECLAIM"));
        for (String m : new String[] {"GFP_NOIO", "GFP_NOFS", "GFP_USER", "GFP_KERNEL_ACCOUNT", "GFP_HIGHUSER",
                "GFP_HIGHUSER_MOVABLE", "GFP_TRANSHUGE", "__GFP_RECLAIM", "__GFP_DIRECT_RECLAIM"}) {
            assertTrue(reclaim(m), m);
        }
        for (String m : new String[] {"GFP_DMA", "GFP_DMA32", "GFP_TRANSHUGE_LIGHT", "__GFP_KSWAPD_RECLAIM",
                "GFP_ATOMIC | __GFP_ZERO", "0"}) {
            assertFalse(reclaim(m), m);
        }
        assertTrue(gfp.evaluate("some_variable").isEmpty());
        assertTrue(gfp.evaluate("GFP_KERNEL |").isEmpty());
    }

    @Test
    void describe() {
        assertEquals("GFP_KERNEL (0xcc0)", gfp.describe(0xcc0L));
        assertEquals("GFP_KERNEL | __GFP_NOWARN (0x2cc0)", gfp.describe(gfp.evaluate("GFP_KERNEL|__GFP_NOWARN").getAsLong()));
    }

    @Test
    void cycleIsLocatedError() {
        String yaml = """
                hooks: [h]
                oob-fields: [f]
                gfp:
                  reclaim-flag: A
                  flags: { A: 1 }
                  masks:
                    B: "C | A"
                    C: "B"
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml", yaml));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertEquals(7, e.location().line());
    }

    @Test
    void unknownNameIsLocatedAtItsColumn() {
        String yaml = """
                hooks: [h]
                oob-fields: [f]
                gfp:
                  reclaim-flag: A
                  flags: { A: 1 }
                  masks:
                    B: "A | NOPE"
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml", yaml));
        assertEquals("kb.yml:7:13: unknown GFP name 'NOPE' in the definition of B", e.getMessage());
    }

    @Test
    void reclaimFlagMustExist() {
        String yaml = """
                hooks: [h]
                oob-fields: [f]
                gfp:
                  reclaim-flag: Z
                  flags: { A: 1 }
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml", yaml));
        assertEquals("kb.yml:4:17", e.location().toString());
    }
}
