package io.github.dovelint.summary;

import io.github.dovelint.callgraph.CallGraph;
import io.github.dovelint.callgraph.Target;
import io.github.dovelint.facts.CallFact;
import io.github.dovelint.facts.CurrentUse;
import io.github.dovelint.facts.Expr;
import io.github.dovelint.facts.FunctionFacts;
import io.github.dovelint.kb.FunctionSpec;
import io.github.dovelint.kb.KnowledgeBase;
import io.github.dovelint.kb.Use;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The effects a function has by itself, before propagation: calls to
 * functions the knowledge base describes, and direct {@code current->files}
 * / {@code current->mm} uses. A function the knowledge base describes is
 * taken at its word and never entered, even when its body is in the run:
 * that is how a project says "{@code evl_alloc} does not sleep".
 */
final class LocalEffects {

    private final KnowledgeBase kb;
    private final GfpEvaluator gfp;
    private final CallGraph graph;

    LocalEffects(KnowledgeBase kb, GfpEvaluator gfp, CallGraph graph) {
        this.kb = kb;
        this.gfp = gfp;
        this.graph = graph;
    }

    /** The knowledge-base entry that stops analysis at {@code target}, if any. */
    Optional<FunctionSpec> spec(Target target) {
        return kb.function(target.name());
    }

    Map<Site, Set<Cond>> of(FunctionFacts f) {
        Map<Site, Set<Cond>> out = new LinkedHashMap<>();
        for (CallFact call : f.calls()) {
            for (Target t : graph.targets(f, call)) {
                spec(t).ifPresent(spec -> fromSpec(f, call, t.name(), spec, out));
            }
        }
        for (CurrentUse use : f.currentUses()) {
            EffectKind kind = switch (use.field()) {
                case "files" -> EffectKind.CURRENT_FILES;
                case "mm" -> EffectKind.CURRENT_MM;
                default -> null;
            };
            if (kind != null) {
                add(out, new Site(kind, use.location(), f.name(), "uses " + use.text()), Cond.ALWAYS);
            }
        }
        return out;
    }

    private void fromSpec(FunctionFacts f, CallFact call, String name, FunctionSpec spec,
                          Map<Site, Set<Cond>> out) {
        String where = call.macro() != null && !call.macro().equals(name) ? " (in macro " + call.macro() + ")" : "";
        if (spec.maySleep()) {
            String why = spec.why().filter(w -> !w.isBlank()).map(w -> ": " + w).orElse("");
            add(out, new Site(EffectKind.SLEEP, call.location(), f.name(), name + "() may sleep" + why + where),
                    Cond.ALWAYS);
        }
        if (spec.gfpArg().isPresent()) {
            Expr arg = call.arg(spec.gfpArg().getAsInt());
            Set<Mask> masks = arg == null ? null : gfp.eval(arg, f);
            if (masks != null) {
                Site site = new Site(EffectKind.SLEEP, call.location(), f.name(),
                        name + "() with " + arg.text() + " may sleep: the mask allows direct reclaim" + where);
                for (Mask m : masks) {
                    if (gfp.allowsReclaim(m.or())) {
                        add(out, site, Cond.ALWAYS);
                    } else if (!m.isConstant() && gfp.allowsReclaim(m.and())) {
                        add(out, site, Cond.onParam(m));
                    }
                }
            }
        }
        for (Use use : spec.uses()) {
            EffectKind kind = use.isFiles() ? EffectKind.CURRENT_FILES : EffectKind.CURRENT_MM;
            String field = use.isFiles() ? "files" : "mm";
            if (!use.isTaskRelative()) {
                add(out, new Site(kind, call.location(), f.name(),
                        name + "() uses current->" + field + " implicitly" + where), Cond.ALWAYS);
            } else if (spec.taskArg().isPresent() && isCurrent(call.arg(spec.taskArg().getAsInt()), f)) {
                add(out, new Site(kind, call.location(), f.name(),
                        name + "(current) uses current->" + field + where), Cond.ALWAYS);
            }
        }
    }

    private static boolean isCurrent(Expr e) {
        return (e instanceof Expr.Name n && n.id().equals("current"))
                || (e instanceof Expr.Call c && c.callee().equals("get_current"));
    }

    /**
     * {@code current}, {@code get_current()}, or a local that is assigned one of them somewhere
     * ({@code struct task_struct *t = current; get_task_mm(t)}): flow-insensitive, like the
     * direct {@code t->mm} uses the fact extractor records.
     */
    private static boolean isCurrent(Expr e, FunctionFacts f) {
        if (isCurrent(e)) {
            return true;
        }
        if (e instanceof Expr.Name n && f.paramIndex(n.id()) < 0) {
            java.util.List<Expr> assigned = f.locals().get(n.id());
            return assigned != null && assigned.stream().anyMatch(LocalEffects::isCurrent);
        }
        return false;
    }

    static void add(Map<Site, Set<Cond>> out, Site site, Cond cond) {
        out.computeIfAbsent(site, k -> new LinkedHashSet<>()).add(cond);
    }
}
