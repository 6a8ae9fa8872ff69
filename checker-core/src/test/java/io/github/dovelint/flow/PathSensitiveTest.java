package io.github.dovelint.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dovelint.engine.TestRun;
import io.github.dovelint.facts.Cfg;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path-sensitive wrapper: correlated tests, forgotten outcomes, the path limit. */
class PathSensitiveTest {

    @TempDir
    Path tmp;

    private Cfg cfg(String body) throws Exception {
        return TestRun.in(tmp).file("a.c", "void f(int a, int b, struct x *p)\n{\n" + body + "\n}\n").run()
                .function("f").cfg();
    }

    /** The call sequences that reach the exit, one per path class. */
    private static Set<String> exits(Cfg c, int limit) {
        FlowAnalysis<String> seq = new FlowAnalysis<>() {
            @Override
            public String initial() {
                return "";
            }

            @Override
            public String join(String x, String y) {
                return x.equals(y) ? x : "*";
            }

            @Override
            public String transfer(String s, Cfg.Event e) {
                return e instanceof Cfg.Call call ? s + call.name() + ";" : s;
            }
        };
        PathSensitive<String> ps = new PathSensitive<>(seq, limit);
        Set<String> out = new TreeSet<>();
        ps.branch(Dataflow.forward(c, ps).atExit(), new Cfg.Edge(Cfg.EXIT, null, true, null)).paths()
                .forEach(p -> out.add(p.state()));
        return out;
    }

    @Test
    void correlatedTestsArePairedUp() throws Exception {
        assertEquals(Set.of("", "lock;unlock;"), exits(cfg("""
                if (a)
                	lock();
                if (a)
                	unlock();
                """), 16));
        assertEquals(Set.of("", "lock;unlock;"), exits(cfg("""
                if (p)
                	lock();
                if (p != NULL)
                	unlock();
                """), 16));
    }

    @Test
    void assignmentsForgetOutcomesAndCallsAreNotRecorded() throws Exception {
        assertEquals(Set.of("", "lock;", "unlock;", "lock;unlock;"), exits(cfg("""
                if (a)
                	lock();
                a = b;
                if (a)
                	unlock();
                """), 16));
        // ready() is called twice and may answer differently: all four combinations remain
        assertEquals(Set.of("ready;ready;", "ready;ready;unlock;", "ready;lock;ready;", "ready;lock;ready;unlock;"),
                exits(cfg("""
                        if (ready())
                        	lock();
                        if (ready())
                        	unlock();
                        """), 16));
    }

    @Test
    void pastTheLimitPathsAreMerged() throws Exception {
        assertEquals(Set.of("*"), exits(cfg("""
                if (a)
                	one();
                if (b)
                	two();
                """), 1));
    }
}
