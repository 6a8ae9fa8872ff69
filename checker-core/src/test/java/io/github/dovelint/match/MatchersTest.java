package io.github.dovelint.match;

import static io.github.dovelint.match.Matchers.call;
import static io.github.dovelint.match.Matchers.index;
import static io.github.dovelint.match.Matchers.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matchers over real facts: what they match, and footprints that name what the source spells. */
class MatchersTest {

    @TempDir
    Path tmp;

    /** An owner written as a name ending in {@code tab}. */
    private static final ExprMatcher TABLE = new ExprMatcher() {
        @Override
        public boolean matches(Expr e, FunctionFacts in, KnowledgeBase kb) {
            return e instanceof Expr.Name n && n.id().endsWith("tab");
        }

        @Override
        public Footprint footprint(KnowledgeBase kb) {
            return Footprint.anyOf("*tab");
        }
    };

    private static List<Integer> linesMatching(EventMatcher m, FunctionFacts f) {
        List<Integer> out = new ArrayList<>();
        for (Cfg.Block b : f.cfg().blocks()) {
            for (Cfg.Event e : b.events()) {
                if (m.matches(e, f, null)) {
                    out.add(e.location().line());
                }
            }
        }
        return out;
    }

    @Test
    void callMatchesTheNamedCallsOnly() throws Exception {
        FunctionFacts f = TestRun.in(tmp).file("a.c", """
                void f(void *p)
                {
                	kfree(p);
                	vfree(p);
                	kfree_rcu(p);
                }
                """).run().function("f");
        EventMatcher frees = call("kfree", "vfree");
        assertEquals(List.of(3, 4), linesMatching(frees, f));
        assertTrue(frees.anyIn(f, null));
        assertFalse(call("kvfree").anyIn(f, null));
        assertEquals(List.of("kfree", "vfree"), frees.footprint(null).patterns());
    }

    @Test
    void indexOfAMemberLooksAtTheOwnerAndSaysSoInItsFootprint() throws Exception {
        FunctionFacts f = TestRun.in(tmp).file("a.c", """
                struct t { void **slot; };
                void *f(struct t *my_tab, struct t *other, int i)
                {
                	void *a = my_tab->slot[i];
                	void *b = other->slot[i];
                	return a ? a : b;
                }
                """).run().function("f");
        EventMatcher read = index(member("slot").of(TABLE));
        assertEquals(List.of(4), linesMatching(read, f));
        assertEquals(List.of(4, 5), linesMatching(index(member("slot")), f));
        assertEquals(List.of("slot[+*tab"), read.footprint(null).patterns());
        assertEquals(List.of("kfree", "slot[+*tab"), call("kfree").or(read).footprint(null).patterns());
    }
}
