package io.github.dovelint.kerneldb;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.facts.OobAccess;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.summary.DerivedEffects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The functions of a tree that set or clear the oob pointer of a {@code struct file *} they are
 * given (docs/kernel-db.md#oob-pointer): an assignment to {@code param->oob_data} (or the
 * generation's path) in the body, or a call passing the parameter to a function that does, known
 * from the tree or from {@code kernel.yml}. A Dovetail tree's core has them (EVL's
 * {@code evl_open_file()}, {@code evl_release_file()}); a plain kernel has none.
 */
final class OobWriters {

    /** Sets or clears. */
    enum Write {
        SETS, CLEARS
    }

    /** One function's write: the file parameter and the first step there. */
    record Found(int param, DerivedEffects.Step step) {
    }

    /** Chains deeper than this are not followed (a core's helpers are a few calls deep). */
    private static final int MAX_ROUNDS = 16;

    private final Map<Write, Map<String, Found>> found = new HashMap<>();

    private OobWriters() {
    }

    /** The writes of every function of {@code graph}'s program, by function id. */
    static OobWriters of(CallGraph graph, KnowledgeBase kb) {
        OobWriters out = new OobWriters();
        List<FunctionFacts> all = new ArrayList<>(graph.program().functions());
        all.sort(Comparator.comparing(FunctionFacts::id));
        for (Write w : Write.values()) {
            Map<String, Found> of = new HashMap<>();
            out.found.put(w, of);
            for (FunctionFacts f : all) {
                for (OobAccess a : f.oobAccesses()) {
                    int p = f.paramIndex(a.owner());
                    if (a.kind() == OobAccess.Kind.WRITE && p >= 0 && a.writesNull() == (w == Write.CLEARS)) {
                        offer(of, f, new Found(p, new DerivedEffects.Step(a.location(),
                                (w == Write.SETS ? "assigns " : "clears ") + a.owner() + "->" + a.field(),
                                null, null, 0)));
                    }
                }
            }
            // a plain kernel writes no oob pointer: no pass over every call of the tree for nothing
            boolean known = !of.isEmpty() || kb.functions().values().stream()
                    .anyMatch(s -> (w == Write.SETS ? s.setsOob() : s.clearsOob()).isPresent());
            for (int round = 0; known && round < MAX_ROUNDS && out.propagate(w, all, graph, kb); round++) {
                // until nothing changes
            }
        }
        return out;
    }

    /** One pass over the calls: a parameter handed to a writer's file argument; true when something changed. */
    private boolean propagate(Write w, List<FunctionFacts> all, CallGraph graph, KnowledgeBase kb) {
        Map<String, Found> of = found.get(w);
        boolean changed = false;
        for (FunctionFacts f : all) {
            for (CallFact call : f.calls()) {
                for (Target t : graph.exactTargets(f, call)) {
                    OptionalInt arg = fileArgument(w, t, of, kb);
                    Expr given = arg.isPresent() ? call.arg(arg.getAsInt()) : null;
                    int p = given instanceof Expr.Name n ? f.paramIndex(n.id()) : -1;
                    if (p >= 0) {
                        String callee = t.definition() == null ? null : t.definition().id();
                        Found through = callee == null ? null : of.get(callee);
                        int depth = through == null ? 1 : through.step().depth() + 1;
                        changed |= offer(of, f, new Found(p, new DerivedEffects.Step(call.location(),
                                "calls " + t.name() + "()", callee, null, depth)));
                    }
                }
            }
        }
        return changed;
    }

    private static OptionalInt fileArgument(Write w, Target t, Map<String, Found> of, KnowledgeBase kb) {
        if (t.definition() != null) {
            Found g = of.get(t.definition().id());
            return g == null ? OptionalInt.empty() : OptionalInt.of(g.param());
        }
        return kb.function(t.name()).map(s -> w == Write.SETS ? s.setsOob() : s.clearsOob())
                .orElse(OptionalInt.empty());
    }

    /** Keeps, per function, the least parameter, then the least reason; true when it changed. */
    private static boolean offer(Map<String, Found> of, FunctionFacts f, Found candidate) {
        Found old = of.get(f.id());
        if (old != null && (old.param() < candidate.param() || old.param() == candidate.param()
                && DerivedEffects.Step.least(old.step(), candidate.step()) == old.step())) {
            return false;
        }
        of.put(f.id(), candidate);
        return true;
    }

    /** What {@code f} writes, if anything. */
    Found of(Write w, FunctionFacts f) {
        return found.get(w).get(f.id());
    }
}
