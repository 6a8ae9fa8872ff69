package io.github.dovelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.Analyzer;
import io.github.dovelint.engine.SliceSpecs;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.slice.Slicer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every bundled rule says what it can look at ({@link Scope}): one without would make every
 * large tree parse every file again. The slicer's view of each scope is pinned here, so that a
 * change to a rule's matchers that widens or narrows what a whole-tree run parses is seen in
 * review (whether the slice stays exact is {@code SamplesTest}'s business).
 */
class ScopeDeclaredTest {

    private static final List<Rule> RULES = Analyzer.discoverRules(Analyzer.class.getClassLoader());

    @Test
    void everyBundledRuleDeclaresItsScope() {
        assertTrue(RULES.size() >= 16, RULES::toString);
        List<String> without = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.scope().isEverything()) {
                without.add(r.descriptor().id());
            }
        }
        assertEquals(List.of(), without);
    }

    @Test
    void theSlicerSeesWhatTheMatchersSay() throws Exception {
        KnowledgeBase kb = KnowledgeBase.bundled();
        Map<String, List<Slicer.Spec>> specs = new TreeMap<>();
        for (Rule r : RULES) {
            specs.put(r.descriptor().id(), SliceSpecs.of(List.of(r), kb));
        }
        List<String> hooks = List.of("install_inband_fd", "replace_inband_fd", "uninstall_inband_fd");
        assertEquals(List.of(new Slicer.Spec(hooks, List.of(), List.of(), List.of(), 0, Slicer.ALL, List.of(), true)),
                specs.get("DL101"));
        assertEquals(List.of(new Slicer.Spec(hooks, List.of(), List.of(), List.of(), 0, 0, List.of(), true)),
                specs.get("DL105"));
        // files_fdtable() or fd[] of something written as an fd table; two levels of callers and of
        // lock helpers, no member calls.
        Slicer.Spec dl301 = specs.get("DL301").get(0);
        assertEquals(List.of("files_fdtable", "fd[+fdt", "fd[+*_fdt", "fd[+files_fdtable"), dl301.mentions());
        assertEquals(2, dl301.callers());
        assertEquals(2, dl301.callees());
        assertTrue(dl301.calleesMentioning().containsAll(List.of("rcu_read_lock", "file_lock")),
                dl301.calleesMentioning()::toString);
        assertEquals(false, dl301.followsMembers());
        Slicer.Spec dl302 = specs.get("DL302").get(0);
        assertEquals(List.of("lookup_fd_rcu", "files_lookup_fd_rcu", "rcu_dereference*+fd["), dl302.mentions());
        assertTrue(dl302.calleesMentioning().containsAll(List.of("rcu_dereference*+fd[", "get_file")),
                dl302.calleesMentioning()::toString);
        // DL204 starts from the hooks, and from the oob pointer's writers followed up to every caller.
        List<Slicer.Spec> dl204 = specs.get("DL204");
        assertEquals(3, dl204.size());
        // and from the calls of a core's open helpers with no body in the run, every caller up
        assertEquals(List.of("evl_open_file", "evl_release_file"), dl204.get(2).mentions());
        assertEquals(Slicer.ALL, dl204.get(2).callers());
        // a member path is found by all of its members: f_oob_state.data by f_oob_state and data
        assertEquals(List.of("oob_data", "f_oob_ctx", "f_oob_state+data"), dl204.get(1).confirmed());
        assertEquals(Slicer.ALL, dl204.get(1).callers());
        assertEquals(0, dl204.get(1).callees());
        // DL205: the same writers, and the callers of the core's open and release helpers, every level.
        List<Slicer.Spec> dl205 = specs.get("DL205");
        assertEquals(2, dl205.size());
        assertEquals(dl204.get(1).confirmed(), dl205.get(0).confirmed());
        assertEquals(List.of("evl_open_file", "evl_release_file"), dl205.get(1).mentions());
        assertEquals(Slicer.ALL, dl205.get(1).callers());
        assertEquals(Slicer.ALL, dl205.get(1).callees());
        // members by name, whatever their struct (evl_net_proto.oob_send is oob_send, oob_poll once)
        assertEquals(List.of("oob_read", "oob_write", "oob_ioctl", "compat_oob_ioctl", "oob_poll", "oob_send",
                "oob_receive"), specs.get("DL401").get(0).boundTo());
        // DL401 also parses the oob pointer's users, which tell the Dovetail generation, and nothing more
        assertEquals(dl204.get(1).confirmed(), specs.get("DL401").get(1).confirmed());
        assertEquals(0, specs.get("DL401").get(1).callers());
        assertEquals(0, specs.get("DL401").get(1).callees());
    }
}
