package io.github.dovelint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.config.Config;
import io.github.dovelint.yaml.ConfigException;
import io.github.dovelint.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generation profiles: the default recognises both, a project can pin one. */
class ProfileTest {

    private static final String KB = """
            hooks: [install_inband_fd]
            oob-fields: [oob_data, f_oob_ctx]
            profiles:
              oob-data:
                oob-fields: [oob_data]
                file-ref: { count-fields: [f_count], inc-not-zero: [atomic_long_inc_not_zero, get_file_rcu],
                            plain-inc: [get_file, atomic_long_inc] }
              f-oob-ctx:
                oob-fields: [f_oob_ctx]
                file-ref: { count-fields: [f_ref], inc-not-zero: [file_ref_get, get_file_rcu],
                            plain-inc: [get_file, file_ref_inc] }
                oob-stage-allows: [fget, fdget]
                generation: 2
            gfp: { reclaim-flag: R, flags: { R: 1 } }
            """;

    @Test
    void theDefaultProfileRecognisesEveryGeneration() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", KB);
        Profile p = kb.profile();
        assertEquals(Profile.AUTO, p.name());
        assertEquals(List.of("oob_data", "f_oob_ctx"), kb.oobFields());
        // profiles are merged in name order: f-oob-ctx, then oob-data
        assertEquals(List.of("f_ref", "f_count"), p.countFields());
        assertEquals(List.of("file_ref_get", "get_file_rcu", "atomic_long_inc_not_zero"), p.incNotZero());
        assertEquals(List.of("get_file", "file_ref_inc", "atomic_long_inc"), p.plainIncrease());
    }

    @Test
    void aProjectPinsAProfile() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", KB);
        Config config = ConfigLoader.parse(".dovelint.yml", "profile: f-oob-ctx\n");
        KnowledgeBase pinned = config.knowledge(kb);
        assertEquals("f-oob-ctx", pinned.profile().name());
        assertEquals(List.of("f_oob_ctx"), pinned.oobFields());
        assertEquals(List.of("f_ref"), pinned.profile().countFields());
    }

    @Test
    void explicitOobFieldsWinOverTheProfile() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", KB);
        Config config = ConfigLoader.parse(".dovelint.yml", "profile: oob-data\noob-fields: [evl_ctx]\n");
        assertEquals(List.of("evl_ctx"), config.knowledge(kb).oobFields());
    }

    @Test
    void anUnknownProfileIsALocatedError() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", KB);
        Config config = ConfigLoader.parse(".dovelint.yml", "rules: {}\nprofile: dovetail-9\n");
        ConfigException e = assertThrows(ConfigException.class, () -> config.knowledge(kb));
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("unknown profile 'dovetail-9'"), e.getMessage());
        assertTrue(e.getMessage().contains("auto, f-oob-ctx, oob-data"), e.getMessage());
    }

    @Test
    void autoIsReserved() {
        ConfigException e = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml",
                KB.replace("  f-oob-ctx:", "  auto:")));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void aProfileHasAGenerationAndWhatItsOobStageMayCall() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", KB);
        Profile gen2 = kb.profiles().get("f-oob-ctx");
        assertEquals(2, gen2.generation());
        assertEquals(List.of("fget", "fdget"), gen2.oobStageAllows());
        assertEquals(0, kb.profiles().get("oob-data").generation());
        assertEquals(List.of(), kb.profiles().get("oob-data").oobStageAllows());
        assertEquals(List.of(), kb.profile().oobStageAllows(), "auto decides per run, not here");
    }

    @Test
    void oobFieldsAreMemberPaths() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load("kb.yml", KB.replace(
                "oob-fields: [oob_data, f_oob_ctx]", "oob-fields: [oob_data, f_oob_ctx, f_oob_state.data]"));
        assertEquals(List.of("oob_data", "f_oob_ctx", "f_oob_state.data"), kb.oobFields());
        Config config = ConfigLoader.parse(".dovelint.yml", "oob-fields: [f_oob_state.data, evl_ctx]\n");
        assertEquals(List.of("f_oob_state.data", "evl_ctx"), config.knowledge(kb).oobFields());
        assertTrue(KnowledgeBase.bundled().profiles().get("f-oob-state").oobFields().contains("f_oob_state.data"));
        assertEquals(3, KnowledgeBase.bundled().profiles().get("f-oob-state").generation());
    }

    @Test
    void aMalformedMemberPathIsALocatedError() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml",
                KB.replace("oob-fields: [f_oob_ctx]", "oob-fields: [f_oob_state->data]")));
        assertEquals(9, e.location().line());
        assertTrue(e.getMessage().contains("'f_oob_state->data' in 'oob-fields' is not a member path"),
                e.getMessage());
        ConfigException c = assertThrows(ConfigException.class, () -> ConfigLoader.parse(".dovelint.yml",
                "rules: {}\noob-fields:\n  - oob_data\n  - f_oob_state..data\n"));
        assertEquals(4, c.location().line());
        assertTrue(c.getMessage().contains("f_oob_state..data"), c.getMessage());
        ConfigException g = assertThrows(ConfigException.class, () -> KnowledgeBaseLoader.load("kb.yml",
                KB.replace("generation: 2", "generation: two")));
        assertTrue(g.getMessage().contains("'generation' must be a Dovetail generation number"), g.getMessage());
    }
}
