package io.github.dovelint.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.facts.Cfg;
import io.github.dovelint.facts.Expr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forward solver, on small must/may problems over real graphs. */
class DataflowTest {

    @TempDir
    Path tmp;

    private Cfg cfg(String body) throws Exception {
        return TestRun.in(tmp).file("a.c", "void f(int a, int b, struct x *p)\n{\n" + body + "\n}\n").run()
                .function("f").cfg();
    }

    /** The functions called on every path (must: intersection). */
    static class Must implements FlowAnalysis<Set<String>> {
        @Override
        public Set<String> initial() {
            return Set.of();
        }

        @Override
        public Set<String> join(Set<String> a, Set<String> b) {
            Set<String> out = new TreeSet<>(a);
            out.retainAll(b);
            return Set.copyOf(out);
        }

        @Override
        public Set<String> transfer(Set<String> s, Cfg.Event e) {
            if (e instanceof Cfg.Call c) {
                Set<String> out = new TreeSet<>(s);
                out.add(c.name());
                return Set.copyOf(out);
            }
            return s;
        }
    }

    /** The functions called on some path (may: union), and pointers tested non-NULL (refined on edges). */
    static final class May extends Must {
        @Override
        public Set<String> join(Set<String> a, Set<String> b) {
            Set<String> out = new TreeSet<>(a);
            out.addAll(b);
            return Set.copyOf(out);
        }

        @Override
        public Set<String> branch(Set<String> s, Cfg.Edge edge) {
            NullTest t = NullTest.of(edge);
            if (t != null && t.nonNullAlong(edge)) {
                Set<String> out = new TreeSet<>(s);
                out.add("nonnull:" + NullTest.key(t.pointer()));
                return Set.copyOf(out);
            }
            return s;
        }
    }

    @Test
    void mustAndMayAtTheExit() throws Exception {
        Cfg c = cfg("""
                one();
                if (a) {
                	two();
                	return;
                }
                if (b)
                	three();
                else
                	three();
                """);
        assertEquals(Set.of("one"), Dataflow.forward(c, new Must()).atExit());
        Set<String> may = Dataflow.forward(c, new May()).atExit();
        assertEquals(Set.of("one", "two", "three", "nonnull:a", "nonnull:b"), may);
    }

    @Test
    void branchRefinementAndReplayShowTheStateBeforeEachEvent() throws Exception {
        Cfg c = cfg("""
                if (!p)
                	return;
                use(p);
                """);
        Solution<Set<String>> s = Dataflow.forward(c, new May());
        List<String> seen = new ArrayList<>();
        s.events((before, e) -> {
            if (e instanceof Cfg.Call call) {
                seen.add(call.name() + " " + before.contains("nonnull:p"));
            }
        });
        assertEquals(List.of("use true"), seen);
        List<String> edges = new ArrayList<>();
        s.edges((atEnd, from, edge) -> {
            if (edge.conditional()) {
                edges.add(edge.condition().text() + "=" + edge.when());
            }
        });
        assertEquals(List.of("p=true", "p=false"), edges);
    }

    @Test
    void unreachableBlocksAndFunctionsThatNeverReturn() throws Exception {
        Cfg c = cfg("for (;;) { spin(); }");
        Solution<Set<String>> s = Dataflow.forward(c, new Must());
        assertNull(s.atExit());
        assertFalse(s.reached(Cfg.EXIT));
        Cfg dead = cfg("return; dead();");
        List<String> calls = new ArrayList<>();
        Dataflow.forward(dead, new Must()).events((b, e) -> calls.add(e.toString()));
        assertTrue(calls.stream().noneMatch(x -> x.contains("dead")), calls.toString());
    }

    @Test
    void infeasibleEdgesAreNotFollowed() throws Exception {
        Cfg c = cfg("if (a) one(); else two();");
        FlowAnalysis<Set<String>> onlyTrue = new Must() {
            @Override
            public Set<String> branch(Set<String> s, Cfg.Edge e) {
                return e.conditional() && !e.when() ? null : s;
            }
        };
        assertEquals(Set.of("one"), Dataflow.forward(c, onlyTrue).atExit());
    }

    @Test
    void aLatticeWithoutFixedPointStillTerminates() throws Exception {
        Cfg c = cfg("while (a) { tick(); }");
        FlowAnalysis<Integer> counter = new FlowAnalysis<>() {
            @Override
            public Integer initial() {
                return 0;
            }

            @Override
            public Integer join(Integer x, Integer y) {
                return Math.max(x, y);
            }

            @Override
            public Integer transfer(Integer s, Cfg.Event e) {
                return s + 1;
            }
        };
        Integer exit = Dataflow.forward(c, counter).atExit();
        assertNotNull(exit);
        assertTrue(exit <= Dataflow.MAX_VISITS + 1, "bounded: " + exit);
    }

    @Test
    void nullTestsAndKeys() {
        Expr p = new Expr.Name("p");
        Expr nul = new Expr.Name("NULL");
        Expr m = new Expr.Member(new Expr.Name("file"), "oob_data", true);
        assertEquals("file->oob_data", NullTest.key(m));
        assertTrue(NullTest.of(p).nonNullWhenTrue());
        assertFalse(NullTest.of(new Expr.Binary("==", p, nul)).nonNullWhenTrue());
        assertTrue(NullTest.of(new Expr.Binary("!=", nul, m)).nonNullWhenTrue());
        assertEquals(m, NullTest.of(new Expr.Binary("!=", nul, m)).pointer());
        assertFalse(NullTest.of(new Expr.Call("IS_ERR_OR_NULL", List.of(p)))
                .nonNullWhenTrue());
        assertNull(NullTest.of(new Expr.Binary("==", p, new Expr.Number(3, "3"))));
        assertTrue(NullTest.isNull(new Expr.Number(0, "0")));
    }
}
